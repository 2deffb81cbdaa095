package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rule of {@link DeltaBarDeltaConfig}. The rates start at {@code lr} when the state is created; a
 * learning-rate schedule does not act on them (they adapt by themselves).
 */
final class DeltaBarDeltaUpdater extends StateUpdater<DeltaBarDeltaConfig> {
  static final String RATE = "rate";
  static final String BAR = "delta_bar";

  DeltaBarDeltaUpdater(DeltaBarDeltaConfig config) {
    super(config, List.of(RATE, BAR));
  }

  @Override
  protected void initializeState() {
    state(RATE).assign(getConfig().getLearningRate());
  }

  /**
   * In one pass over the arrays ({@link HeapChunks}, vectorized loops over each cached chunk), the branches written as
   * exact 0/1 selectors ({@link #deltaBarDelta}); arrays it cannot run take the float64 loop
   * ({@link #applyElementwise}). The sign of {@code δ̄·g} is that of the product in the arrays' precision (a product
   * that underflows to 0 keeps the rate).
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    DeltaBarDeltaConfig c = getConfig();
    INDArray rate = state(RATE);
    INDArray bar = state(BAR);
    if (!HeapChunks.supports(gradient, rate, bar)) {
      applyElementwise(gradient);
      return;
    }
    double[] k = {c.getKappa(), 1 - c.getPhi(), 1 - c.getTheta(), c.getTheta()};
    float[] kf = Scalars.floats(k);
    HeapChunks.run((a, n) -> deltaBarDelta(a[0], a[1], a[2], n, kf), (a, n) -> deltaBarDelta(a[0], a[1], a[2], n, k),
        gradient, rate, bar);
  }

  /**
   * One chunk; {@code k = {κ, 1 − φ, 1 − θ, θ}}. With {@code s = sign(δ̄·g)}, {@code up = max(s, 0)} and
   * {@code down = max(−s, 0)} are exactly 0 or 1: {@code ε = (ε + up·κ)·(down·(1 − φ) + (1 − down))} is exactly
   * the branches' rate. Two passes over the cached chunk (the rates, then δ̄ and the update), which C2 vectorizes
   * where it leaves the fused loop scalar.
   */
  static void deltaBarDelta(float[] g, float[] rate, float[] bar, int n, float[] k) {
    float kappa = k[0];
    float keep = k[1];
    float smooth = k[2];
    float theta = k[3];
    for (int i = 0; i < n; i++) {
      float s = Elementwise.sign(bar[i] * g[i]);
      float down = Math.max(-s, 0f);
      rate[i] = (rate[i] + Math.max(s, 0f) * kappa) * (down * keep + (1f - down));
    }
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      bar[i] = smooth * gi + theta * bar[i];
      g[i] = gi * rate[i];
    }
  }

  static void deltaBarDelta(double[] g, double[] rate, double[] bar, int n, double[] k) {
    double kappa = k[0];
    double keep = k[1];
    double smooth = k[2];
    double theta = k[3];
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
  private void applyElementwise(INDArray gradient) {
    DeltaBarDeltaConfig c = getConfig();
    double[] g = Elementwise.read(gradient);
    double[] rate = Elementwise.read(state(RATE));
    double[] bar = Elementwise.read(state(BAR));
    for (int i = 0; i < g.length; i++) {
      double agreement = bar[i] * g[i];
      if (agreement > 0) {
        rate[i] += c.getKappa();
      } else if (agreement < 0) {
        rate[i] *= 1 - c.getPhi();
      }
      bar[i] = (1 - c.getTheta()) * g[i] + c.getTheta() * bar[i];
      g[i] *= rate[i];
    }
    Elementwise.write(gradient, g);
    Elementwise.write(state(RATE), rate);
    Elementwise.write(state(BAR), bar);
  }
}
