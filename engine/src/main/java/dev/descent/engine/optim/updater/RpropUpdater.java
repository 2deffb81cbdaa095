package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rule of {@link RpropConfig}. The step size is initialized to {@code lr} when the state is created, so a
 * learning-rate schedule does not act on Rprop (as in PyTorch, where {@code lr} is only the initial step size).
 */
final class RpropUpdater extends ChunkedUpdater<RpropConfig> {
  static final String PREV = "prev";
  static final String STEP_SIZE = "step_size";

  RpropUpdater(RpropConfig config) {
    super(config, List.of(PREV, STEP_SIZE),
        (a, n, k) -> RpropUpdaterFloats.rprop(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]),
        (a, n, k) -> rprop(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]));
  }

  @Override
  protected void initializeState() {
    state(STEP_SIZE).assign(getConfig().getLearningRate());
  }

  /**
   * {@code k = {η₊, η₋, Δ_min, Δ_max}}. The kernels ({@link #rprop}) write the branches as exact 0/1 selectors; the
   * float64 loop ({@link #applyFallback}) takes arrays {@link HeapChunks} cannot run. The sign of {@code g·prev} is
   * that of the product in the arrays' precision (a product that underflows to 0 keeps the step size). A NaN gradient
   * makes the kernel's step size NaN where the float64 loop keeps it; either way the update is NaN.
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    RpropConfig c = getConfig();
    return new double[] {c.getEtaPlus(), c.getEtaMinus(), c.getStepMin(), c.getStepMax()};
  }

  /**
   * One chunk; {@code k = {η₊, η₋, Δ_min, Δ_max}}. With {@code s = sign(g·prev)}, {@code up = max(s, 0)} and
   * {@code down = max(−s, 0)} are exactly 0 or 1, so {@code up·η₊ + down·η₋ + (1 − up − down)} is exactly the factor
   * the branches pick, {@code g·(1 − down)} the remembered gradient (0 where the sign flipped); the update
   * {@code sign(prev)·Δ} in a second pass over the cached chunk.
   */
  static void rprop(double[] g, double[] prev, double[] stepSize, int n, double etaPlus, double etaMinus, double min,
      double max) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double s = Elementwise.sign(gi * prev[i]);
      double up = Math.max(s, 0d);
      double down = Math.max(-s, 0d);
      stepSize[i] = Math.min(Math.max(stepSize[i] * (up * etaPlus + down * etaMinus + (1d - up - down)), min), max);
      prev[i] = gi * (1d - down);
    }
    for (int i = 0; i < n; i++) {
      g[i] = Elementwise.sign(prev[i]) * stepSize[i];
    }
  }

  /** The float64 loop over 'c'-order copies, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    Elementwise.update(operands(gradient), a -> float64(a[0], a[1], a[2], k));
  }

  private static void float64(double[] g, double[] prev, double[] stepSize, double[] k) {
    for (int i = 0; i < g.length; i++) {
      double sign = Math.signum(g[i] * prev[i]);
      double factor = sign > 0 ? k[0] : sign < 0 ? k[1] : 1.0;
      stepSize[i] = Math.min(Math.max(stepSize[i] * factor, k[2]), k[3]);
      prev[i] = sign < 0 ? 0.0 : g[i];
      g[i] = Math.signum(prev[i]) * stepSize[i];
    }
  }
}
