package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link QhadamConfig}; the β weights depend on the step alone and are {@link StepSeries}. */
final class QhadamUpdater extends ChunkedUpdater<QhadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  private final StepSeries beta1Weight;
  private final StepSeries beta2Weight;

  QhadamUpdater(QhadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ),
        (a, n, k) -> QhadamUpdaterFloats.qhadam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7],
            k[8], k[9]),
        (a, n, k) -> qhadam(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9]));
    beta1Weight = new StepSeries(0.0, (w, t) -> 1.0 + config.getBeta1() * w);
    beta2Weight = new StepSeries(0.0, (w, t) -> 1.0 + config.getBeta2() * w);
  }

  /**
   * {@code k = {β₁', 1 − β₁', β₂', 1 − β₂', ν₁, 1 − ν₁, ν₂, 1 − ν₂, eps, lr}}, computed once in double. The kernel
   * always adds the {@code (1 − ν)} terms, which for {@code ν = 1} are zeros and leave the sums' values unchanged.
   */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    QhadamConfig c = getConfig();
    int t = step(iteration);
    double beta1Adj = 1.0 - 1.0 / beta1Weight.at(t);
    double beta2Adj = 1.0 - 1.0 / beta2Weight.at(t);
    return new double[] {beta1Adj, 1 - beta1Adj, beta2Adj, 1 - beta2Adj, c.getNu1(), 1 - c.getNu1(), c.getNu2(),
        1 - c.getNu2(), c.getEps(), c.getLearningRate(iteration, epoch)};
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    QhadamConfig c = getConfig();
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    INDArray gradSq = gradient.mul(gradient);
    Ema.update(m, gradient, k[0]);
    Ema.update(v, gradSq, k[2]);
    INDArray avgGrad = m.mul(c.getNu1());
    if (c.getNu1() != 1.0) {
      avgGrad.addi(gradient.mul(1.0 - c.getNu1()));
    }
    INDArray avgGradRms = v.mul(c.getNu2());
    if (c.getNu2() != 1.0) {
      avgGradRms.addi(gradSq.muli(1.0 - c.getNu2()));
    }
    Transforms.sqrt(avgGradRms, false).addi(c.getEps());
    gradient.assign(avgGrad).divi(avgGradRms).muli(k[9]);
  }

  /**
   * One chunk; {@code k = {β₁', 1 − β₁', β₂', 1 − β₂', ν₁, 1 − ν₁, ν₂, 1 − ν₂, eps, lr}}: the moments, then
   * {@code g = (ν₁m + (1 − ν₁)g) / (√(ν₂v + (1 − ν₂)g²) + eps) · lr}.
   */
  static void qhadam(double[] g, double[] m, double[] v, int n, double b1, double rest1, double b2, double rest2,
      double nu1, double restNu1, double nu2, double restNu2, double eps, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double sq = gi * gi;
      double mi = m[i] * b1 + rest1 * gi;
      double vi = v[i] * b2 + rest2 * sq;
      m[i] = mi;
      v[i] = vi;
      g[i] = (mi * nu1 + gi * restNu1) / (Math.sqrt(vi * nu2 + sq * restNu2) + eps) * lr;
    }
  }
}
