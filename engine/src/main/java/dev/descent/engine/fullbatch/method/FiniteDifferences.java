package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;

/**
 * Second derivatives from differences of gradients (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * §8.1): the Hessian column by column by central differences, H·e_i ≈ (∇f(x + h·e_i) − ∇f(x − h·e_i)) / 2h with
 * h = ε^{1/3}·max(1, |x_i|), then symmetrized (H + Hᵀ)/2 (eq. 8.8 ff.); and Hessian-vector products by a forward
 * difference, H·v ≈ (∇f(x + ε·v) − ∇f(x)) / ε with ε = √ε_mach·(1 + ‖x‖)/‖v‖ (eq. 8.10 ff.).
 */
final class FiniteDifferences {
  private static final double CENTRAL_STEP = Math.cbrt(Math.ulp(1.0));
  private static final double FORWARD_STEP = Math.sqrt(Math.ulp(1.0));

  private FiniteDifferences() {}

  /** The symmetrized Hessian at x; 2n gradient evaluations. */
  static double[][] hessian(Objective objective, double[] x) {
    int n = x.length;
    double[][] h = new double[n][];
    for (int i = 0; i < n; i++) {
      double step = CENTRAL_STEP * Math.max(1, Math.abs(x[i]));
      double[] probe = x.clone();
      probe[i] = x[i] + step;
      double[] plus = objective.gradient(probe);
      probe[i] = x[i] - step;
      double[] minus = objective.gradient(probe);
      double width = (x[i] + step) - (x[i] - step);
      h[i] = Vectors.scaled(1 / width, Vectors.minus(plus, minus));
    }
    return symmetrized(h);
  }

  /** H·v at x, where the gradient is g; one gradient evaluation. */
  static double[] hessianVector(Objective objective, double[] x, double[] g, double[] v) {
    double epsilon = FORWARD_STEP * (1 + Vectors.norm(x)) / Vectors.norm(v);
    double[] shifted = objective.gradient(Vectors.plusScaled(x, epsilon, v));
    return Vectors.scaled(1 / epsilon, Vectors.minus(shifted, g));
  }

  private static double[][] symmetrized(double[][] h) {
    int n = h.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = 0.5 * (h[i][j] + h[j][i]);
      }
    }
    return out;
  }
}
