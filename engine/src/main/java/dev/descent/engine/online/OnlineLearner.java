package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;

/**
 * A linear model {@code m = wᵀx} learnt one sample at a time, starting from {@code w = 0}. Step {@code t} (1-based)
 * is the {@code t}-th call of {@link #update}.
 */
public interface OnlineLearner {

  int dimension();

  /** {@code wᵀx} with the current weights. */
  double margin(SparseVector x);

  /** Learns from one sample whose loss has slope {@code lossSlope = ∂loss/∂m} at the current weights. */
  void update(SparseVector x, double lossSlope);

  /** The step size the last update used (see each algorithm for what that is); NaN before the first. */
  double learningRate();

  /** A copy of the current weights. */
  double[] weights();

  int nonzeros();
}
