package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rule of {@link DeltaBarDeltaConfig}. The rates start at {@code lr} when the state is created; a
 * learning-rate schedule does not act on them (they adapt by themselves).
 */
final class DeltaBarDeltaUpdater extends ChunkedUpdater<DeltaBarDeltaConfig> {
  static final String RATE = "rate";
  static final String BAR = "delta_bar";

  DeltaBarDeltaUpdater(DeltaBarDeltaConfig config) {
    super(config, List.of(RATE, BAR),
        (a, n, k) -> DeltaBarDeltaUpdaterFloats.deltaBarDelta(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]),
        (a, n, k) -> deltaBarDelta(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]));
  }

  @Override
  protected void initializeState() {
    state(RATE).assign(getConfig().getLearningRate());
  }

  /**
   * {@code k = {κ, 1 − φ, 1 − θ, θ}}. The kernels ({@link #deltaBarDelta}) write the branches as exact 0/1 selectors;
   * the float64 loop ({@link #applyFallback}) takes arrays {@link HeapChunks} cannot run. The sign of {@code δ̄·g} is
   * that of the product in the arrays' precision (a product that underflows to 0 keeps the rate).
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    DeltaBarDeltaConfig c = getConfig();
    return new double[] {c.getKappa(), 1 - c.getPhi(), 1 - c.getTheta(), c.getTheta()};
  }

  /**
   * One chunk; {@code k = {κ, 1 − φ, 1 − θ, θ}}. With {@code s = sign(δ̄·g)}, {@code up = max(s, 0)} and
   * {@code down = max(−s, 0)} are exactly 0 or 1: {@code ε = (ε + up·κ)·(down·(1 − φ) + (1 − down))} is exactly
   * the branches' rate. Two passes over the cached chunk (the rates, then δ̄ and the update), which C2 vectorizes
   * where it leaves the fused loop scalar.
   */
  static void deltaBarDelta(double[] g, double[] rate, double[] bar, int n, double kappa, double keep, double smooth,
      double theta) {
    for (int i = 0; i < n; i++) {
      double s = Elementwise.sign(bar[i] * g[i]);
      double down = Math.max(-s, 0d);
      rate[i] = (rate[i] + Math.max(s, 0d) * kappa) * (down * keep + (1d - down));
    }
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      bar[i] = smooth * gi + theta * bar[i];
      g[i] = gi * rate[i];
    }
  }

  /** The float64 loop over 'c'-order copies, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    Elementwise.update(operands(gradient), a -> float64(a[0], a[1], a[2], k));
  }

  private static void float64(double[] g, double[] rate, double[] bar, double[] k) {
    for (int i = 0; i < g.length; i++) {
      double agreement = bar[i] * g[i];
      if (agreement > 0) {
        rate[i] += k[0];
      } else if (agreement < 0) {
        rate[i] *= k[1];
      }
      bar[i] = k[2] * g[i] + k[3] * bar[i];
      g[i] *= rate[i];
    }
  }
}
