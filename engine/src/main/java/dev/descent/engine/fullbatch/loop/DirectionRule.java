package dev.descent.engine.fullbatch.loop;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;

/** Chooses the search direction of each iteration of a {@link StepLoop}; keeps its own curvature memory. */
public interface DirectionRule {

  /**
   * The direction d at x, where the gradient is g. {@code state} still holds the previous iteration's direction,
   * step and gradient (so s = t·d and y = g − g_prev); {@code objective} counts any extra evaluations.
   */
  double[] direction(Objective objective, double[] x, double[] g, LoopState state);

  /**
   * The first trial step of the current iteration: PyTorch's min(1, 1/‖g‖₁)·lr on the very first iteration, lr
   * afterwards.
   */
  default double initialStep(LoopState state, double[] g, double lr) {
    return state.iteration() == 1 ? Math.min(1.0, 1.0 / Vectors.sumAbs(g)) * lr : lr;
  }
}
