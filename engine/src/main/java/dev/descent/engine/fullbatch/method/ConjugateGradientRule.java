package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;

/**
 * Nonlinear conjugate gradient (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Algorithm 5.4):
 * d_k = −g_k + β_k·d_{k−1} with β from a {@link BetaFormula}. It restarts with d = −g every {@code restartEvery}
 * iterations (the dimension n when 0), when successive gradients lose orthogonality,
 * |g_kᵀg_{k−1}| ≥ 0.1·‖g_k‖² (eq. 5.52), and when d would not descend (g_kᵀd_k ≥ 0).
 */
public final class ConjugateGradientRule implements DirectionRule {
  /** The orthogonality threshold ν of eq. 5.52. */
  public static final double ORTHOGONALITY_THRESHOLD = 0.1;

  private final BetaFormula formula;
  private final int restartEvery;
  private int sinceRestart;

  public ConjugateGradientRule(BetaFormula formula, int restartEvery) {
    this.formula = formula;
    this.restartEvery = restartEvery;
  }

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    if (state.iteration() == 1 || restartDue(g, state.previousGradient(), x.length)) {
      return restart(g);
    }
    double beta = formula.beta(g, state.previousGradient(), state.direction());
    double[] d = Vectors.plusScaled(Vectors.scaled(-1, g), beta, state.direction());
    if (!(Vectors.dot(g, d) < 0)) {
      return restart(g);
    }
    sinceRestart++;
    return d;
  }

  private boolean restartDue(double[] g, double[] previousG, int dimension) {
    int period = restartEvery > 0 ? restartEvery : dimension;
    return sinceRestart + 1 >= period
        || Math.abs(Vectors.dot(g, previousG)) >= ORTHOGONALITY_THRESHOLD * Vectors.dot(g, g);
  }

  private double[] restart(double[] g) {
    sinceRestart = 0;
    return Vectors.scaled(-1, g);
  }
}
