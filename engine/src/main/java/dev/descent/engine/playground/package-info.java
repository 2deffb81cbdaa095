/**
 * The optimizer playground: test functions ({@link dev.descent.engine.playground.TestFunction}) and the
 * {@link dev.descent.engine.playground.Playground} that runs an optimizer spec on one and returns its trajectory,
 * driving our DL4J updaters exactly as DL4J does. The request's optimizer is read once into the records a job's
 * optimizer is read into ({@code optim.UpdaterSpec}, {@code fullbatch.FullBatchSettings}); full-batch methods plug
 * in through {@link dev.descent.engine.playground.TrajectoryMethodFactory}.
 */
package dev.descent.engine.playground;
