package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link RadamConfig}. */
final class RadamUpdater extends ChunkedUpdater<RadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  RadamUpdater(RadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ),
        (a, n, k) -> RadamUpdaterFloats.radam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8],
            k[9] != 0),
        (a, n, k) -> radam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9] != 0));
  }

  /**
   * {@code ρ_t}, {@code r_t} and the bias corrections, computed once in double:
   * {@code k = {β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₁ᵗ, lr, √(1 − β₂ᵗ), eps, r_t, adaptive}}. Before {@code ρ_t > 5} the
   * rectification factor is 0 and the kernel skips the adaptive term ({@code adaptive} is 0).
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    RadamConfig c = getConfig();
    int t = step(iteration);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / biasCorrection2;
    boolean adaptive = rhoT > RadamConfig.RHO_THRESHOLD;
    double rect = adaptive ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
    return new double[] {beta1, 1 - beta1, beta2, 1 - beta2, 1 - Math.pow(beta1, t),
        c.getLearningRate(iteration, epoch), Math.sqrt(biasCorrection2), c.getEps(), rect, adaptive ? 1 : 0};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Ema.moments(m, v, gradient, k[0], k[2]);
    gradient.assign(m).divi(k[4]).muli(k[5]);
    if (k[9] != 0) {
      INDArray scale = Transforms.sqrt(v, true).addi(k[7]).rdivi(k[6]);
      gradient.muli(scale).muli(k[8]);
    }
  }

  /**
   * One chunk; {@code k = {β₁, 1 − β₁, β₂, 1 − β₂, 1 − β₁ᵗ, lr, √(1 − β₂ᵗ), eps, r_t}}: the moments, then
   * {@code g = m/(1 − β₁ᵗ) · lr}, times {@code √(1 − β₂ᵗ)/(√v + eps) · r_t} if {@code adaptive}.
   */
  static void radam(double[] g, double[] m, double[] v, int n, double b1, double rest1, double b2, double rest2,
      double bc1, double lr, double root, double eps, double rect, boolean adaptive) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double mi = m[i] * b1 + rest1 * gi;
      m[i] = mi;
      v[i] = v[i] * b2 + rest2 * (gi * gi);
      g[i] = mi / bc1 * lr;
    }
    if (adaptive) {
      rectify(g, v, n, root, eps, rect);
    }
  }

  /** {@code g = g · (root/(√v + eps)) · rect}, over the chunk just computed (still in cache). */
  private static void rectify(double[] g, double[] v, int n, double root, double eps, double rect) {
    for (int i = 0; i < n; i++) {
      g[i] = g[i] * (root / (Math.sqrt(v[i]) + eps)) * rect;
    }
  }
}
