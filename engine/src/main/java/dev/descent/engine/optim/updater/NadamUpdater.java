package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rule of {@link NadamConfig}. The product {@code Π_t} is a function of the step alone, so it is not
 * state: it is recomputed in PyTorch's multiplication order (and cached for the next step).
 */
final class NadamUpdater extends ChunkedUpdater<NadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  private final StepSeries muProduct;

  NadamUpdater(NadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ),
        (a, n, k) -> NadamUpdaterFloats.nadam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]),
        (a, n, k) -> nadam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]));
    this.muProduct = new StepSeries(1.0, (product, t) -> product * config.mu(t));
  }

  /**
   * The step's weights and {@code 1 − β₂ᵗ}, computed once in double:
   * {@code k = {β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₂ᵗ, eps, gradient weight, momentum weight}}.
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    NadamConfig c = getConfig();
    int t = step(iteration);
    double lr = c.getLearningRate(iteration, epoch);
    double muNext = c.mu(t + 1);
    double product = muProduct.at(t);
    double gw = lr * (1 - c.mu(t)) / (1 - product);
    double mw = lr * muNext / (1 - product * muNext);
    double b1 = c.getBeta1();
    double b2 = c.getBeta2();
    return new double[] {b1, 1 - b1, b2, 1 - b2, 1 - Math.pow(b2, t), c.getEps(), gw, mw};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Ema.moments(m, v, gradient, k[0], k[2]);
    INDArray denominator = Transforms.sqrt(v.div(k[4]), false).addi(k[5]);
    gradient.divi(denominator).muli(k[6]).addi(m.div(denominator).muli(k[7]));
  }

  /**
   * One chunk; {@code k = {β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₂ᵗ, eps, gradient weight, momentum weight}}:
   * {@code d = √(v/(1 − β₂ᵗ)) + eps}, {@code g = g/d · gw + m/d · mw}, the second term added in a second pass over the
   * cached chunk (d recomputed: the same value), as C2 leaves the one-pass loop, with d used twice, scalar.
   */
  static void nadam(double[] g, double[] m, double[] v, int n, double b1, double rest1, double b2, double rest2,
      double bc2, double eps, double gw, double mw) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * b2 + rest2 * (gi * gi);
      m[i] = m[i] * b1 + rest1 * gi;
      v[i] = vi;
      g[i] = gi / (Math.sqrt(vi / bc2) + eps) * gw;
    }
    for (int i = 0; i < n; i++) {
      g[i] = g[i] + m[i] / (Math.sqrt(v[i] / bc2) + eps) * mw;
    }
  }
}
