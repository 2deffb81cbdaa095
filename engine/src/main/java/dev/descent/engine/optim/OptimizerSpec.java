package dev.descent.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job's {@code optimizer} as read, once, by the spec reader: a per-minibatch updater ({@link UpdaterSpec}, one
 * record per family, built into DL4J by {@link OptimizerSpecs#plan}) or a full-batch optimizer ({@link FullBatch}).
 * Every default is filled in and every value checked; the engine reads these records only.
 */
public sealed interface OptimizerSpec permits UpdaterSpec, OptimizerSpec.FullBatch {
  /** The spec's {@code type}, e.g. {@code "adam"}. */
  String type();

  /** A full-batch optimizer, its settings with every default filled in. */
  record FullBatch(String type, JsonNode settings) implements OptimizerSpec {
    public FullBatch {
      settings = settings.deepCopy();
    }

    @Override
    public JsonNode settings() {
      return settings.deepCopy();
    }
  }
}
