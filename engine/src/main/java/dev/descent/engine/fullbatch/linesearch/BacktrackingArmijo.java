package dev.descent.engine.fullbatch.linesearch;

import dev.descent.engine.fullbatch.core.Objective;

/**
 * Backtracking line search (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 3.1): shrink
 * t ← ρ·t until the Armijo condition f(x + t·d) ≤ f(x) + c1·t·gᵀd holds. After {@code maxEvaluations} failures it
 * returns t = 0 (no move), so the caller's step-tolerance test ends the step.
 */
public record BacktrackingArmijo(double c1, double shrink, int maxEvaluations) implements LineSearch {
  public static final double DEFAULT_C1 = 1e-4;
  public static final double DEFAULT_SHRINK = 0.5;
  public static final int DEFAULT_MAX_EVALUATIONS = 25;

  public BacktrackingArmijo(double c1) {
    this(c1, DEFAULT_SHRINK, DEFAULT_MAX_EVALUATIONS);
  }

  @Override
  public LineSearchResult search(
      Objective objective, double[] x, double t, double[] d, double f, double[] g, double gtd) {
    double step = t;
    for (int evaluations = 1; evaluations <= maxEvaluations; evaluations++) {
      Trial trial = Trial.at(objective, x, step, d);
      if (trial.f() <= f + c1 * step * gtd) {
        return trial.result(evaluations);
      }
      step *= shrink;
    }
    return new LineSearchResult(f, g.clone(), 0, maxEvaluations);
  }
}
