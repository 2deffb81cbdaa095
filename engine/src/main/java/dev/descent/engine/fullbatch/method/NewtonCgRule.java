package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;

/**
 * Hessian-free line-search Newton-CG (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.1):
 * conjugate gradient on (H + α·I)·z = −g using only Hessian-vector products by finite differences of gradients
 * ({@link FiniteDifferences}, one evaluation each), stopped when ‖r‖ ≤ min(0.5, √‖g‖)·‖g‖, after
 * {@code maxCgIterations} (n when 0), or at negative curvature pᵀ(H + α·I)p ≤ 0, which returns the iterate so far
 * (−g if it comes first). The first trial step is lr.
 */
public record NewtonCgRule(double damping, int maxCgIterations) implements DirectionRule {
  public static final double DEFAULT_DAMPING = 0;
  public static final double FORCING_CAP = 0.5;

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    double gNorm = Vectors.norm(g);
    double tolerance = Math.min(FORCING_CAP, Math.sqrt(gNorm)) * gNorm;
    int limit = maxCgIterations > 0 ? maxCgIterations : x.length;
    double[] z = new double[x.length];
    double[] r = g.clone();
    double[] p = Vectors.scaled(-1, g);
    for (int j = 0; j < limit; j++) {
      double[] bp = Vectors.plusScaled(FiniteDifferences.hessianVector(objective, x, g, p), damping, p);
      double curvature = Vectors.dot(p, bp);
      if (curvature <= 0) {
        return j == 0 ? Vectors.scaled(-1, g) : z;
      }
      double rr = Vectors.dot(r, r);
      double a = rr / curvature;
      Vectors.addScaled(z, a, p);
      Vectors.addScaled(r, a, bp);
      if (Vectors.norm(r) <= tolerance) {
        return z;
      }
      p = Vectors.plusScaled(Vectors.scaled(-1, r), Vectors.dot(r, r) / rr, p);
    }
    return z;
  }

  @Override
  public double initialStep(LoopState state, double[] g, double lr) {
    return lr;
  }
}
