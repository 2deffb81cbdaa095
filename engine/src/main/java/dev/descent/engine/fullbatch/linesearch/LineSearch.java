package dev.descent.engine.fullbatch.linesearch;

import dev.descent.engine.fullbatch.core.Objective;

/** Chooses a step length t along a descent direction d (gᵀd &lt; 0). */
public interface LineSearch {

  /**
   * Searches φ(t) = f(x + t·d) starting from the trial step {@code t}; {@code x} is left unchanged.
   *
   * @param f f(x)
   * @param g ∇f(x)
   * @param gtd gᵀd, negative
   */
  LineSearchResult search(Objective objective, double[] x, double t, double[] d, double f, double[] g, double gtd);
}
