package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link RmspropNesterovConfig}. */
final class RmspropNesterovUpdater extends StateUpdater<RmspropNesterovConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String VELOCITY = "velocity";

  RmspropNesterovUpdater(RmspropNesterovConfig config) {
    super(config, List.of(SQUARE_AVG, VELOCITY));
  }

  /** In one vectorized pass ({@link HeapChunks}); libnd4j's ops for arrays it cannot run. */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    RmspropNesterovConfig c = getConfig();
    double mu = c.getMomentum();
    double alpha = c.getAlpha();
    double eps = c.getEps();
    double lr = c.getLearningRate(iteration, epoch);
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray velocity = state(VELOCITY);
    if (HeapChunks.supports(gradient, squareAvg, velocity)) {
      double rest = 1 - alpha;
      double lead = 1 + mu;
      HeapChunks.run((a, n) -> rmspropNesterov(a[0], a[1], a[2], n, (float) alpha, (float) rest, (float) eps,
          (float) mu, (float) lead, (float) lr),
          (a, n) -> rmspropNesterov(a[0], a[1], a[2], n, alpha, rest, eps, mu, lead, lr), gradient, squareAvg,
          velocity);
      return;
    }
    INDArray previous = velocity.mul(mu);
    Ema.updateSquare(squareAvg, gradient, alpha);
    INDArray scaled = gradient.div(Transforms.sqrt(squareAvg, true).addi(eps));
    velocity.muli(mu).addi(scaled.muli(lr));
    gradient.assign(velocity).muli(1 + mu).subi(previous);
  }

  /**
   * One chunk: {@code r = αr + rest·g²}, {@code s' = μs + g/(√r + eps) · lr}, {@code g = lead·s' − μs} with
   * {@code lead = 1 + μ}.
   */
  static void rmspropNesterov(float[] g, float[] r, float[] s, int n, float alpha, float rest, float eps, float mu,
      float lead, float lr) {
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float ri = r[i] * alpha + rest * (gi * gi);
      float previous = s[i] * mu;
      float si = previous + gi / ((float) Math.sqrt(ri) + eps) * lr;
      r[i] = ri;
      s[i] = si;
      g[i] = si * lead - previous;
    }
  }

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
