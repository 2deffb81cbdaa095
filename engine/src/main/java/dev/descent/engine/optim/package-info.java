/**
 * The door from a job spec's {@code optimizer} JSON to DL4J. {@link dev.descent.engine.optim.OptimizerSpecs} reads
 * the JSON once (through the family readers {@code MomentumReaders} and {@code AdaptiveReaders}, all violations
 * pointed) into an {@link dev.descent.engine.optim.OptimizerSpec} record: an
 * {@link dev.descent.engine.optim.UpdaterSpec} per family of per-minibatch optimizers, with its
 * {@link dev.descent.engine.optim.CommonSettings} (weight decay, clipping, gradient noise), or a full-batch one. From
 * the records alone it then builds an {@link dev.descent.engine.optim.OptimizerPlan} (updater, weight-decay
 * regularizations, global gradient clipping). The updaters live in {@code optim.updater}, the schedules in
 * {@code optim.schedule}.
 */
package dev.descent.engine.optim;
