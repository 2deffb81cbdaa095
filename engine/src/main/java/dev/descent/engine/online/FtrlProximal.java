package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;
import java.util.Map;

/**
 * FTRL-Proximal with per-coordinate learning rates (McMahan et al. 2013, "Ad Click Prediction: a View from the
 * Trenches", Algorithm 1). For each coordinate {@code i} of {@code x} with {@code g_i = ℓ'·x_i}: {@code σ_i =
 * (√(n_i + g_i²) − √n_i)/alpha}, {@code z_i ← z_i + g_i − σ_i·w_i}, {@code n_i ← n_i + g_i²}, then {@code w_i = 0} if
 * {@code |z_i| ≤ l1}, else {@code −(z_i − sign(z_i)·l1) / ((beta + √n_i)/alpha + l2)}. The per-coordinate rate is
 * {@code alpha/(beta + √n_i)}; Keras' {@code Ftrl} with {@code learning_rate_power = −0.5} is the same rule. Costs
 * O(non-zeros of x) per step. {@link #learningRate()} is the mean rate over the coordinates the last sample touched
 * ({@code alpha/beta} if it touched none).
 */
public final class FtrlProximal extends AbstractLearner {
  private final double alpha;
  private final double beta;
  private final double l1;
  private final double l2;
  private final double[] z;
  private final double[] n;

  public FtrlProximal(int dimension, double alpha, double beta, double l1, double l2) {
    super(dimension);
    this.alpha = positive(alpha, "alpha");
    this.beta = nonNegative(beta, "beta");
    this.l1 = nonNegative(l1, "l1");
    this.l2 = nonNegative(l2, "l2");
    this.z = new double[dimension];
    this.n = new double[dimension];
  }

  @Override
  public void update(SparseVector x, double lossSlope) {
    t++;
    int[] indices = x.indices();
    double[] values = x.values();
    double rateSum = 0.0;
    for (int j = 0; j < indices.length; j++) {
      rateSum += updateCoordinate(indices[j], lossSlope * values[j]);
    }
    lastRate = indices.length == 0 ? alpha / beta : rateSum / indices.length;
  }

  @Override
  protected Map<String, double[]> accumulators() {
    return Map.of("z", z, "n", n);
  }

  /** Updates coordinate {@code i} with gradient {@code g}; returns its new rate {@code alpha/(beta + √n_i)}. */
  private double updateCoordinate(int i, double g) {
    double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
    z[i] += g - sigma * w.get(i);
    n[i] += g * g;
    double root = Math.sqrt(n[i]);
    double weight = Math.abs(z[i]) <= l1 ? 0.0 : -(z[i] - Math.signum(z[i]) * l1) / ((beta + root) / alpha + l2);
    w.set(i, weight);
    return alpha / (beta + root);
  }
}
