package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AmsGradUpdater;
import org.nd4j.linalg.factory.Nd4j;

/** The update rule of {@link AdamConfig}. */
final class AdamUpdater extends ChunkedUpdater<AdamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";
  static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  AdamUpdater(AdamConfig config) {
    super(config, config.isAmsgrad() ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ),
        config.isAmsgrad()
            ? (a, n, k) -> AdamUpdaterFloats.amsgrad(a[0], a[1], a[2], a[3], n, k[0], k[1], k[2], k[3], k[4])
            : (a, n, k) -> AdamUpdaterFloats.adam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]),
        config.isAmsgrad()
            ? (a, n, k) -> amsgrad(a[0], a[1], a[2], a[3], n, k[0], k[1], k[2], k[3], k[4])
            : (a, n, k) -> adam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]));
  }

  /**
   * PyTorch's step, {@code m = β₁m + (1 − β₁)g}, {@code v = β₂v + (1 − β₂)g²} (AMSGrad: {@code v̂ = max(v̂, v)}),
   * {@code u = lr/(1 − β₁ᵗ) · m/(√v̂/√(1 − β₂ᵗ) + eps)}, in one vectorized pass ({@link HeapChunks}); arrays it
   * cannot run go through libnd4j's fused ops ({@link #applyFallback}). {@code k = {β₁, β₂, lr/(1 − β₁ᵗ),
   * √(1 − β₂ᵗ), eps, lr}}.
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    AdamConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    double stepSize = lr / (1 - Math.pow(c.getBeta1(), step(iteration)));
    double correction2 = Math.sqrt(1 - Math.pow(c.getBeta2(), step(iteration)));
    return new double[] {c.getBeta1(), c.getBeta2(), stepSize, correction2, c.getEps(), lr};
  }

  /** A zero rate gives +0 updates, not the −0 that {@code 0 · (negative)} would. */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    super.applyUpdater(gradient, iteration, epoch);
    if (getConfig().getLearningRate(iteration, epoch) == 0) {
      gradient.assign(0);
    }
  }

  /** One chunk: {@code g} becomes the update, {@code m} and {@code v} the new moments. */
  static void adam(double[] g, double[] m, double[] v, int n, double beta1, double beta2, double stepSize,
      double correction2, double eps) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double mi = m[i] * beta1 + gi * (1 - beta1);
      double vi = v[i] * beta2 + (1 - beta2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      g[i] = stepSize * (mi / (Math.sqrt(vi) / correction2 + eps));
    }
  }

  /** One AMSGrad chunk: as {@link #adam}, the root taken of {@code v̂ = max(v̂, v)}, which {@code vMax} becomes. */
  static void amsgrad(double[] g, double[] m, double[] v, double[] vMax, int n, double beta1, double beta2,
      double stepSize, double correction2, double eps) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double mi = m[i] * beta1 + gi * (1 - beta1);
      double vi = v[i] * beta2 + (1 - beta2) * gi * gi;
      double hat = Math.max(vMax[i], vi);
      m[i] = mi;
      v[i] = vi;
      vMax[i] = hat;
      g[i] = stepSize * (mi / (Math.sqrt(hat) / correction2 + eps));
    }
  }

  /**
   * DL4J's fused native kernel, which computes {@code lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m_t/(√v̂_t + ε')}: with
   * {@code ε' = eps·√(1 − β₂ᵗ)} that is exactly PyTorch's {@code lr/(1 − β₁ᵗ) · m_t/(√v̂_t/√(1 − β₂ᵗ) + eps)}. The
   * kernel replaces a zero step factor by ε', so a zero learning rate makes a zero update here instead.
   */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    double lr = k[5];
    double scaledEps = k[4] * k[3];
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Nd4j.exec(getConfig().isAmsgrad()
        ? new AmsGradUpdater(gradient, v, m, state(MAX_EXP_AVG_SQ), lr, k[0], k[1], scaledEps, iteration)
        : new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(gradient, v, m, lr, k[0], k[1], scaledEps, iteration));
  }
}
