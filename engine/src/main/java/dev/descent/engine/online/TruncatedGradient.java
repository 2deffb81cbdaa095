package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;

/**
 * Truncated gradient (Langford, Li and Zhang 2009, "Sparse Online Learning via Truncated Gradient", JMLR 10). Each
 * step is a gradient step {@code w ← w − η_t·g_t} with {@code η_t = eta/√t}; then, when {@code t mod k = 0}, every
 * coordinate is truncated:
 *
 * <ul>
 *   <li>gradual ({@link Truncation#GRADUAL}, eq. 6): {@code w_i ← T1(w_i, gravity·k·η_t, θ)} with {@code T1(v, α, θ)
 *       = max(0, v − α)} for {@code v ∈ [0, θ]}, {@code min(0, v + α)} for {@code v ∈ [−θ, 0]}, else {@code v};
 *   <li>simple coefficient rounding ({@link Truncation#SIMPLE}, eq. 4): {@code w_i ← T0(w_i, θ)}, i.e. {@code 0} when
 *       {@code |w_i| ≤ θ}, else unchanged.
 * </ul>
 *
 * Truncation visits only the non-zero weights (zeros stay zero), so a truncation step costs O(non-zeros of w).
 * {@link #learningRate()} is {@code η_t}.
 */
public final class TruncatedGradient extends AbstractLearner {

  /** Which truncation the k-th steps apply. */
  public enum Truncation {
    GRADUAL,
    SIMPLE
  }

  private final double eta;
  private final int k;
  private final double gravity;
  private final double theta;
  private final Truncation truncation;

  public TruncatedGradient(
      int dimension, double eta, int k, double gravity, double theta, Truncation truncation) {
    super(dimension);
    this.eta = positive(eta, "eta");
    this.k = (int) positive(k, "k");
    this.gravity = nonNegative(gravity, "gravity");
    this.theta = nonNegative(theta, "theta");
    this.truncation = truncation;
  }

  @Override
  public void update(SparseVector x, double lossSlope) {
    double rate = decayingStep(x, lossSlope, eta);
    if (t % k == 0) {
      truncateAll(gravity * k * rate);
    }
  }

  private void truncateAll(double alpha) {
    w.updateNonzeros((i, v) -> Math.abs(v) > theta ? v : truncated(v, alpha));
  }

  private double truncated(double v, double alpha) {
    return truncation == Truncation.GRADUAL ? WeightVector.softThreshold(v, alpha) : 0.0;
  }
}
