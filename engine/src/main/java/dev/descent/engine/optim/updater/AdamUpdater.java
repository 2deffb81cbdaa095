package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AmsGradUpdater;
import org.nd4j.linalg.factory.Nd4j;

/** The update rule of {@link AdamConfig}. */
final class AdamUpdater extends StateUpdater<AdamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";
  static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  AdamUpdater(AdamConfig config) {
    super(config, config.isAmsgrad() ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ));
  }

  /**
   * PyTorch's step, {@code m = β₁m + (1 − β₁)g}, {@code v = β₂v + (1 − β₂)g²} (AMSGrad: {@code v̂ = max(v̂, v)}),
   * {@code u = lr/(1 − β₁ᵗ) · m/(√v̂/√(1 − β₂ᵗ) + eps)}, in one vectorized pass ({@link HeapChunks}); arrays it
   * cannot run go through libnd4j's fused ops ({@link #applyNative}). A zero rate gives +0 updates, not the −0 that
   * {@code 0 · (negative)} would.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdamConfig c = getConfig();
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    INDArray[] arrays = c.isAmsgrad() ? new INDArray[] {gradient, m, v, state(MAX_EXP_AVG_SQ)}
        : new INDArray[] {gradient, m, v};
    if (!HeapChunks.supports(arrays)) {
      applyNative(gradient, iteration, epoch);
      return;
    }
    double lr = c.getLearningRate(iteration, epoch);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    double stepSize = lr / (1 - Math.pow(beta1, step(iteration)));
    double correction2 = Math.sqrt(1 - Math.pow(beta2, step(iteration)));
    double eps = c.getEps();
    if (c.isAmsgrad()) {
      HeapChunks.run(
          (a, n) -> amsgrad(a[0], a[1], a[2], a[3], n, (float) beta1, (float) beta2, (float) stepSize,
              (float) correction2, (float) eps),
          (a, n) -> amsgrad(a[0], a[1], a[2], a[3], n, beta1, beta2, stepSize, correction2, eps), arrays);
    } else {
      HeapChunks.run(
          (a, n) -> adam(a[0], a[1], a[2], n, (float) beta1, (float) beta2, (float) stepSize, (float) correction2,
              (float) eps),
          (a, n) -> adam(a[0], a[1], a[2], n, beta1, beta2, stepSize, correction2, eps), arrays);
    }
    if (lr == 0) {
      gradient.assign(0);
    }
  }

  /** One chunk: {@code g} becomes the update, {@code m} and {@code v} the new moments. */
  static void adam(float[] g, float[] m, float[] v, int n, float beta1, float beta2, float stepSize,
      float correction2, float eps) {
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float mi = m[i] * beta1 + gi * (1 - beta1);
      float vi = v[i] * beta2 + (1 - beta2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      g[i] = stepSize * (mi / ((float) Math.sqrt(vi) / correction2 + eps));
    }
  }

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
  static void amsgrad(float[] g, float[] m, float[] v, float[] vMax, int n, float beta1, float beta2, float stepSize,
      float correction2, float eps) {
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float mi = m[i] * beta1 + gi * (1 - beta1);
      float vi = v[i] * beta2 + (1 - beta2) * gi * gi;
      float hat = Math.max(vMax[i], vi);
      m[i] = mi;
      v[i] = vi;
      vMax[i] = hat;
      g[i] = stepSize * (mi / ((float) Math.sqrt(hat) / correction2 + eps));
    }
  }

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
  private void applyNative(INDArray gradient, int iteration, int epoch) {
    AdamConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    double scaledEps = c.getEps() * Math.sqrt(1 - Math.pow(c.getBeta2(), step(iteration)));
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    Nd4j.exec(c.isAmsgrad()
        ? new AmsGradUpdater(gradient, v, m, state(MAX_EXP_AVG_SQ), lr, beta1, beta2, scaledEps, iteration)
        : new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(
            gradient, v, m, lr, beta1, beta2, scaledEps, iteration));
    if (lr == 0) {
      gradient.assign(0);
    }
  }
}
