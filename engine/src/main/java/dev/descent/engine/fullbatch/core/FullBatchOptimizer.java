package dev.descent.engine.fullbatch.core;

/**
 * A full-batch optimizer. One {@link #step} is one PyTorch {@code optimizer.step(closure)} call: up to
 * {@code max_iter} iterations, with state (curvature memory, last direction and step) carried to the next call.
 */
public interface FullBatchOptimizer {

  /**
   * Runs one outer step from {@code x}, which is updated in place to the new point.
   *
   * @return what the step did and why it stopped
   */
  StepRecord step(Objective objective, double[] x);
}
