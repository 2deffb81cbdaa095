package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;

/**
 * BFGS with a dense inverse Hessian H (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., eq. 6.17):
 *
 * <pre>
 *   H ← (I − ρ·s·yᵀ) H (I − ρ·y·sᵀ) + ρ·s·sᵀ,   ρ = 1/yᵀs,   s = t·d,   y = g − g_prev
 * </pre>
 *
 * skipped when yᵀs ≤ 1e-10, with H₀ = (yᵀs / yᵀy)·I before the first update (eq. 6.20); d = −H·g. H takes n²
 * doubles, so vectors longer than {@code maxParameters} are refused.
 */
public final class BfgsRule implements DirectionRule {
  public static final int DEFAULT_MAX_PARAMETERS = 2_000;

  private final int maxParameters;
  private double[][] inverseHessian;

  public BfgsRule(int maxParameters) {
    this.maxParameters = maxParameters;
  }

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    DenseMatrices.requireAtMost(x.length, maxParameters, "bfgs");
    if (state.iteration() == 1) {
      inverseHessian = null;
      return Vectors.scaled(-1, g);
    }
    double[] s = state.displacement();
    double[] y = Vectors.minus(g, state.previousGradient());
    double ys = Vectors.dot(y, s);
    if (ys > LbfgsRule.MIN_CURVATURE) {
      update(s, y, ys);
    }
    return inverseHessian == null
        ? Vectors.scaled(-1, g)
        : Vectors.scaled(-1, DenseMatrices.times(inverseHessian, g));
  }

  private void update(double[] s, double[] y, double ys) {
    if (inverseHessian == null) {
      inverseHessian = DenseMatrices.identity(s.length, ys / Vectors.dot(y, y));
    }
    double rho = 1 / ys;
    double[] hy = DenseMatrices.times(inverseHessian, y);
    double ssScale = rho * rho * Vectors.dot(y, hy) + rho;
    for (int i = 0; i < s.length; i++) {
      double[] row = inverseHessian[i];
      for (int j = 0; j < s.length; j++) {
        row[j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + ssScale * s[i] * s[j];
      }
    }
  }
}
