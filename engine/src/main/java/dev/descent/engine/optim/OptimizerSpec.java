package dev.descent.engine.optim;

import dev.descent.engine.fullbatch.FullBatchSettings;

/**
 * A job's {@code optimizer} as read, once, by the spec reader: a per-minibatch updater ({@link UpdaterSpec}, one
 * record per family, built into DL4J by {@link OptimizerSpecs#plan}) or a full-batch optimizer ({@link FullBatch},
 * built by {@code FullBatchOptimizers.create}). Every default is filled in and every value checked; the engine reads
 * these records only.
 */
public sealed interface OptimizerSpec permits UpdaterSpec, OptimizerSpec.FullBatch {
  /** The spec's {@code type}, e.g. {@code "adam"}. */
  String type();

  /** A full-batch optimizer ({@code lbfgs}, {@code cg}, …, {@code coordinate_descent}). */
  record FullBatch(FullBatchSettings settings) implements OptimizerSpec {
    @Override
    public String type() {
      return settings.type();
    }
  }
}
