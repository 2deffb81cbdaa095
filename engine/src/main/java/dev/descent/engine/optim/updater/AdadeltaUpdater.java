package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdadeltaConfig}. */
final class AdadeltaUpdater extends ChunkedUpdater<AdadeltaConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String ACC_DELTA = "acc_delta";

  AdadeltaUpdater(AdadeltaConfig config) {
    super(config, List.of(SQUARE_AVG, ACC_DELTA),
        (a, n, k) -> AdadeltaUpdaterFloats.adadelta(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]),
        (a, n, k) -> adadelta(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3]));
  }

  /** {@code k = {ρ, 1 − ρ, eps, lr}}. */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    AdadeltaConfig c = getConfig();
    double rho = c.getRho();
    return new double[] {rho, 1 - rho, c.getEps(), c.getLearningRate(iteration, epoch)};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray accDelta = state(ACC_DELTA);
    Ema.updateSquare(squareAvg, gradient, k[0]);
    INDArray std = Transforms.sqrt(squareAvg.add(k[2]), false);
    INDArray delta = Transforms.sqrt(accDelta.add(k[2]), false).divi(std).muli(gradient);
    Ema.updateSquare(accDelta, delta, k[0]);
    gradient.assign(delta).muli(k[3]);
  }

  /**
   * One chunk: {@code v} and {@code u} become the new averages, {@code g} the update; {@code rest = 1 − ρ}. Two passes
   * over the cached chunk (Δ, then u and the update), which C2 vectorizes where it leaves the fused loop scalar.
   */
  static void adadelta(double[] g, double[] v, double[] u, int n, double rho, double rest, double eps, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * rho + rest * (gi * gi);
      v[i] = vi;
      g[i] = Math.sqrt(u[i] + eps) / Math.sqrt(vi + eps) * gi;
    }
    for (int i = 0; i < n; i++) {
      double delta = g[i];
      u[i] = u[i] * rho + rest * (delta * delta);
      g[i] = delta * lr;
    }
  }
}
