package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdamaxConfig}. */
final class AdamaxUpdater extends ChunkedUpdater<AdamaxConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_INF = "exp_inf";

  AdamaxUpdater(AdamaxConfig config) {
    super(config, List.of(EXP_AVG, EXP_INF),
        (a, n, k) -> AdamaxUpdaterFloats.adamax(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]),
        (a, n, k) -> adamax(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]));
  }

  /** {@code k = {β₁, 1 − β₁, β₂, eps, lr/(1 − β₁ᵗ)}}. */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    AdamaxConfig c = getConfig();
    double beta1 = c.getBeta1();
    double clr = c.getLearningRate(iteration, epoch) / (1 - Math.pow(beta1, step(iteration)));
    return new double[] {beta1, 1 - beta1, c.getBeta2(), c.getEps(), clr};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    INDArray m = state(EXP_AVG);
    INDArray u = state(EXP_INF);
    Ema.update(m, gradient, k[0]);
    Transforms.max(u.muli(k[2]), Transforms.abs(gradient, true).addi(k[3]), false);
    gradient.assign(m).divi(u).muli(k[4]);
  }

  /** One chunk: {@code m = β₁m + rest·g}, {@code u = max(β₂u, |g| + eps)}, {@code g = m/u · clr}. */
  static void adamax(double[] g, double[] m, double[] u, int n, double beta1, double rest, double beta2,
      double eps, double clr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double mi = m[i] * beta1 + rest * gi;
      double ui = Math.max(u[i] * beta2, Math.abs(gi) + eps);
      m[i] = mi;
      u[i] = ui;
      g[i] = mi / ui * clr;
    }
  }
}
