package dev.descent.engine.fullbatch.linesearch;

import dev.descent.engine.fullbatch.core.Objective;

/**
 * Line search for a step satisfying the strong Wolfe conditions (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., Algorithms 3.5 and 3.6, with cubic interpolation):
 *
 * <pre>
 *   f(x + t·d) ≤ f(x) + c1·t·gᵀd        and        |∇f(x + t·d)ᵀd| ≤ c2·|gᵀd|
 * </pre>
 *
 * A line-by-line port of PyTorch 1.13's {@code torch.optim.lbfgs._strong_wolfe} (itself from Torch7's
 * {@code lswolfe.lua}): a bracketing phase that extrapolates by cubic interpolation within [t + 0.01(t − t_prev),
 * 10t], then a zoom phase that interpolates inside the bracket, keeping trials at least 10% of the bracket away from
 * its ends, until the conditions hold, the bracket is shorter than {@code tolerance_change / max|d|}, or
 * {@code maxIterations} iterations are spent.
 */
public record StrongWolfe(double c1, double c2, double toleranceChange, int maxIterations) implements LineSearch {
  public static final double DEFAULT_C1 = 1e-4;
  public static final double DEFAULT_C2 = 0.9;
  public static final double DEFAULT_TOLERANCE_CHANGE = 1e-9;
  public static final int DEFAULT_MAX_ITERATIONS = 25;

  /** PyTorch's defaults, as its L-BFGS calls it. */
  public StrongWolfe() {
    this(DEFAULT_C1, DEFAULT_C2, DEFAULT_TOLERANCE_CHANGE, DEFAULT_MAX_ITERATIONS);
  }

  @Override
  public LineSearchResult search(
      Objective objective, double[] x, double t, double[] d, double f, double[] g, double gtd) {
    Trial start = new Trial(0, f, g.clone(), gtd);
    return new WolfeSearch(this, objective, x, d, start).run(t);
  }
}
