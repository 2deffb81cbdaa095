package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;
import java.util.Map;

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

  /** Updates made so far. */
  long steps();

  /** A copy of everything the next updates depend on: {@code "w"} and the algorithm's accumulators, by name. */
  Map<String, double[]> state();

  /** Continues from {@link #state()} taken after {@code steps} updates by a learner built with the same settings. */
  void restore(long steps, Map<String, double[]> state);
}
