package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The update rule of {@link AsgdConfig}. */
final class AsgdUpdater extends StateUpdater<AsgdConfig> {
  static final String AX_OFFSET = "ax_offset";

  AsgdUpdater(AsgdConfig config) {
    super(config, List.of(AX_OFFSET));
  }

  /**
   * {@code u = η_t g}, {@code d = (d + u)(1 − μ_t)} in one vectorized pass ({@link HeapChunks}), libnd4j's ops for
   * arrays it cannot run; {@code η_t} and {@code μ_t} are computed once per step in double.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AsgdConfig c = getConfig();
    int t = step(iteration);
    double lr = c.getLearningRate(iteration, epoch);
    double eta = lr / Math.pow(1 + c.getLambd() * lr * (t - 1), c.getAlpha());
    double mu = 1 / Math.max(1, t - 1 - c.getT0());
    INDArray offset = state(AX_OFFSET);
    if (HeapChunks.supports(gradient, offset)) {
      double keep = 1 - mu;
      HeapChunks.run((a, n) -> asgd(a[0], a[1], n, (float) eta, (float) keep),
          (a, n) -> asgd(a[0], a[1], n, eta, keep), gradient, offset);
    } else {
      gradient.muli(eta);
      offset.addi(gradient).muli(1 - mu);
    }
  }

  /** One chunk: {@code g} becomes the update {@code η g}, {@code d} the new offset {@code (d + u)·keep}. */
  static void asgd(float[] g, float[] d, int n, float eta, float keep) {
    for (int i = 0; i < n; i++) {
      float u = g[i] * eta;
      g[i] = u;
      d[i] = (d[i] + u) * keep;
    }
  }

  static void asgd(double[] g, double[] d, int n, double eta, double keep) {
    for (int i = 0; i < n; i++) {
      double u = g[i] * eta;
      g[i] = u;
      d[i] = (d[i] + u) * keep;
    }
  }
}
