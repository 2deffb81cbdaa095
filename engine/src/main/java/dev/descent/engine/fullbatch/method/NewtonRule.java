package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;

/**
 * Damped Newton (Levenberg 1944; Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., §3.4):
 * d = −(H + α·I)⁻¹·g with the Hessian H by central differences of gradients ({@link FiniteDifferences}, 2n
 * evaluations) and α the {@code damping}. With α = 0 this is Newton's method, which heads for any stationary point,
 * saddles included; a large α turns it into gradient descent with step 1/α. Falls back to d = −g when H + α·I is
 * singular. H is dense, so vectors longer than {@code maxParameters} are refused. The first trial step is lr.
 */
public record NewtonRule(double damping, int maxParameters) implements DirectionRule {
  public static final double DEFAULT_DAMPING = 0;
  public static final int DEFAULT_MAX_PARAMETERS = 2_000;

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    DenseMatrices.requireAtMost(x.length, maxParameters, "newton");
    double[][] h = FiniteDifferences.hessian(objective, x);
    for (int i = 0; i < h.length; i++) {
      h[i][i] += damping;
    }
    double[] d = DenseMatrices.solve(h, Vectors.scaled(-1, g));
    return d != null ? d : Vectors.scaled(-1, g);
  }

  @Override
  public double initialStep(LoopState state, double[] g, double lr) {
    return lr;
  }
}
