package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;

/**
 * Steepest descent (Cauchy 1847; Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., §3.3): d = −g, the
 * step from the line search.
 */
public final class SteepestDescentRule implements DirectionRule {

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    return Vectors.scaled(-1, g);
  }
}
