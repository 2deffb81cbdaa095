package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdagradConfig}. */
final class AdagradUpdater extends ChunkedUpdater<AdagradConfig> {
  static final String SUM = "sum";

  AdagradUpdater(AdagradConfig config) {
    super(config, List.of(SUM),
        (a, n, k) -> AdagradUpdaterFloats.adagrad(a[0], a[1], n, k[0], k[1]),
        (a, n, k) -> adagrad(a[0], a[1], n, k[0], k[1]));
  }

  @Override
  protected void initializeState() {
    state(SUM).assign(getConfig().getInitialAccumulatorValue());
  }

  /**
   * {@code s = s + g²}, {@code u = g/(√s + eps) · clr_t}; {@code k = {clr_t, eps}}.
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    AdagradConfig c = getConfig();
    double clr = c.getLearningRate(iteration, epoch) / (1 + (step(iteration) - 1) * c.getLrDecay());
    return new double[] {clr, c.getEps()};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    INDArray sum = state(SUM);
    sum.addi(gradient.mul(gradient));
    INDArray std = Transforms.sqrt(sum, true).addi(k[1]);
    gradient.divi(std).muli(k[0]);
  }

  /** One chunk: {@code g} becomes the update, {@code s} the new sum. */
  static void adagrad(double[] g, double[] s, int n, double clr, double eps) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double si = s[i] + gi * gi;
      s[i] = si;
      g[i] = gi / (Math.sqrt(si) + eps) * clr;
    }
  }
}
