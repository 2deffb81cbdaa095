package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdadeltaConfig}. */
final class AdadeltaUpdater extends StateUpdater<AdadeltaConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String ACC_DELTA = "acc_delta";

  AdadeltaUpdater(AdadeltaConfig config) {
    super(config, List.of(SQUARE_AVG, ACC_DELTA));
  }

  /**
   * In one pass over the arrays ({@link HeapChunks}, vectorized loops over each cached chunk); libnd4j's ops for arrays
   * it cannot run.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdadeltaConfig c = getConfig();
    double rho = c.getRho();
    double eps = c.getEps();
    double lr = c.getLearningRate(iteration, epoch);
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray accDelta = state(ACC_DELTA);
    if (HeapChunks.supports(gradient, squareAvg, accDelta)) {
      double rest = 1 - rho;
      HeapChunks.run((a, n) -> adadelta(a[0], a[1], a[2], n, (float) rho, (float) rest, (float) eps, (float) lr),
          (a, n) -> adadelta(a[0], a[1], a[2], n, rho, rest, eps, lr), gradient, squareAvg, accDelta);
      return;
    }
    Ema.updateSquare(squareAvg, gradient, rho);
    INDArray std = Transforms.sqrt(squareAvg.add(eps), false);
    INDArray delta = Transforms.sqrt(accDelta.add(eps), false).divi(std).muli(gradient);
    Ema.updateSquare(accDelta, delta, rho);
    gradient.assign(delta).muli(lr);
  }

  /**
   * One chunk: {@code v} and {@code u} become the new averages, {@code g} the update; {@code rest = 1 − ρ}. Two passes
   * over the cached chunk (Δ, then u and the update), which C2 vectorizes where it leaves the fused loop scalar.
   */
  static void adadelta(float[] g, float[] v, float[] u, int n, float rho, float rest, float eps, float lr) {
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float vi = v[i] * rho + rest * (gi * gi);
      v[i] = vi;
      g[i] = (float) Math.sqrt(u[i] + eps) / (float) Math.sqrt(vi + eps) * gi;
    }
    for (int i = 0; i < n; i++) {
      float delta = g[i];
      u[i] = u[i] * rho + rest * (delta * delta);
      g[i] = delta * lr;
    }
  }

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
