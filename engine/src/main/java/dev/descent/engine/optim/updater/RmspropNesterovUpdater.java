package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link RmspropNesterovConfig}. */
final class RmspropNesterovUpdater extends ChunkedUpdater<RmspropNesterovConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String VELOCITY = "velocity";

  RmspropNesterovUpdater(RmspropNesterovConfig config) {
    super(config, List.of(SQUARE_AVG, VELOCITY),
        (a, n, k) -> RmspropNesterovUpdaterFloats.rmspropNesterov(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4],
            k[5]),
        (a, n, k) -> rmspropNesterov(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5]));
  }

  /** {@code k = {α, 1 − α, eps, μ, 1 + μ, lr}}. */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    RmspropNesterovConfig c = getConfig();
    double mu = c.getMomentum();
    double alpha = c.getAlpha();
    return new double[] {alpha, 1 - alpha, c.getEps(), mu, 1 + mu, c.getLearningRate(iteration, epoch)};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    double mu = k[3];
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray velocity = state(VELOCITY);
    INDArray previous = velocity.mul(mu);
    Ema.updateSquare(squareAvg, gradient, k[0]);
    INDArray scaled = gradient.div(Transforms.sqrt(squareAvg, true).addi(k[2]));
    velocity.muli(mu).addi(scaled.muli(k[5]));
    gradient.assign(velocity).muli(k[4]).subi(previous);
  }

  /**
   * One chunk: {@code r = αr + rest·g²}, {@code s' = μs + g/(√r + eps) · lr}, {@code g = lead·s' − μs} with
   * {@code lead = 1 + μ}.
   */
  static void rmspropNesterov(double[] g, double[] r, double[] s, int n, double alpha, double rest, double eps,
      double mu, double lead, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double ri = r[i] * alpha + rest * (gi * gi);
      double previous = s[i] * mu;
      double si = previous + gi / (Math.sqrt(ri) + eps) * lr;
      r[i] = ri;
      s[i] = si;
      g[i] = si * lead - previous;
    }
  }
}
