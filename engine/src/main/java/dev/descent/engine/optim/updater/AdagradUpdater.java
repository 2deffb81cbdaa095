package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdagradConfig}. */
final class AdagradUpdater extends StateUpdater<AdagradConfig> {
  static final String SUM = "sum";

  AdagradUpdater(AdagradConfig config) {
    super(config, List.of(SUM));
  }

  @Override
  protected void initializeState() {
    state(SUM).assign(getConfig().getInitialAccumulatorValue());
  }

  /**
   * {@code s = s + g²}, {@code u = g/(√s + eps) · clr_t} in one vectorized pass ({@link HeapChunks}), libnd4j's ops
   * for arrays it cannot run.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdagradConfig c = getConfig();
    double clr = c.getLearningRate(iteration, epoch) / (1 + (step(iteration) - 1) * c.getLrDecay());
    double eps = c.getEps();
    INDArray sum = state(SUM);
    if (HeapChunks.supports(gradient, sum)) {
      HeapChunks.run((a, n) -> adagrad(a[0], a[1], n, (float) clr, (float) eps),
          (a, n) -> adagrad(a[0], a[1], n, clr, eps), gradient, sum);
      return;
    }
    sum.addi(gradient.mul(gradient));
    INDArray std = Transforms.sqrt(sum, true).addi(eps);
    gradient.divi(std).muli(clr);
  }

  /** One chunk: {@code g} becomes the update, {@code s} the new sum. */
  static void adagrad(float[] g, float[] s, int n, float clr, float eps) {
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float si = s[i] + gi * gi;
      s[i] = si;
      g[i] = gi / ((float) Math.sqrt(si) + eps) * clr;
    }
  }

  static void adagrad(double[] g, double[] s, int n, double clr, double eps) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double si = s[i] + gi * gi;
      s[i] = si;
      g[i] = gi / (Math.sqrt(si) + eps) * clr;
    }
  }
}
