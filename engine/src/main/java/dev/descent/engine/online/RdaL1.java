package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;
import java.util.Map;

/**
 * L1-regularized dual averaging (Xiao 2010, "Dual Averaging Methods for Regularized Stochastic Learning and Online
 * Optimization", JMLR 11, eq. 30 with {@code ρ = 0}): with the running mean gradient {@code ḡ_t = (1/t)·Σ_{s≤t} g_s}
 * and {@code β_t = gamma·√t}, every coordinate is {@code w_t,i = 0} if {@code |ḡ_t,i| ≤ l1}, else {@code
 * −(√t/gamma)·(ḡ_t,i − l1·sign(ḡ_t,i))}. A coordinate the sample does not touch keeps its sum while {@code t} grows,
 * so {@code |ḡ_t,i|} only shrinks: a zero stays zero until touched, and a step recomputes only the touched and the
 * non-zero coordinates, O(non-zeros of x and of w).
 * {@link #learningRate()} is {@code t/β_t = √t/gamma}, the multiplier on the thresholded mean gradient.
 */
public final class RdaL1 extends AbstractLearner {
  private final double l1;
  private final double gamma;
  private final double[] gradientSum;

  public RdaL1(int dimension, double l1, double gamma) {
    super(dimension);
    this.l1 = nonNegative(l1, "l1");
    this.gamma = positive(gamma, "gamma");
    this.gradientSum = new double[dimension];
  }

  @Override
  public void update(SparseVector x, double lossSlope) {
    t++;
    int[] indices = x.indices();
    double[] values = x.values();
    lastRate = Math.sqrt(t) / gamma;
    for (int j = 0; j < indices.length; j++) {
      gradientSum[indices[j]] += lossSlope * values[j];
      w.set(indices[j], weight(indices[j]));
    }
    w.updateNonzeros((i, v) -> weight(i));
  }

  @Override
  protected Map<String, double[]> accumulators() {
    return Map.of("gradient_sum", gradientSum);
  }

  private double weight(int i) {
    double mean = gradientSum[i] / t;
    return Math.abs(mean) <= l1 ? 0.0 : -lastRate * (mean - l1 * Math.signum(mean));
  }
}
