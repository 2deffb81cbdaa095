/**
 * The door from a job spec's {@code optimizer} / {@code schedule} JSON to DL4J:
 * {@link dev.descent.engine.optim.OptimizerSpecs} validates and builds an
 * {@link dev.descent.engine.optim.OptimizerPlan} (updater, weight-decay regularizations, global gradient clipping).
 * The updaters live in {@code optim.updater}, the schedules in {@code optim.schedule}.
 */
package dev.descent.engine.optim;
