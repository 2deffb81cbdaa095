package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link QhadamConfig}; the β weights depend on the step alone and are {@link StepSeries}. */
final class QhadamUpdater extends StateUpdater<QhadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  private final StepSeries beta1Weight;
  private final StepSeries beta2Weight;

  QhadamUpdater(QhadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ));
    beta1Weight = new StepSeries(0.0, (w, t) -> 1.0 + config.getBeta1() * w);
    beta2Weight = new StepSeries(0.0, (w, t) -> 1.0 + config.getBeta2() * w);
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    QhadamConfig c = getConfig();
    int t = step(iteration);
    double beta1Adj = 1.0 - 1.0 / beta1Weight.at(t);
    double beta2Adj = 1.0 - 1.0 / beta2Weight.at(t);
    INDArray gradSq = gradient.mul(gradient);
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Ema.update(m, gradient, beta1Adj);
    Ema.update(v, gradSq, beta2Adj);
    INDArray avgGrad = m.mul(c.getNu1());
    if (c.getNu1() != 1.0) {
      avgGrad.addi(gradient.mul(1.0 - c.getNu1()));
    }
    INDArray avgGradRms = v.mul(c.getNu2());
    if (c.getNu2() != 1.0) {
      avgGradRms.addi(gradSq.muli(1.0 - c.getNu2()));
    }
    Transforms.sqrt(avgGradRms, false).addi(c.getEps());
    gradient.assign(avgGrad).divi(avgGradRms).muli(c.getLearningRate(iteration, epoch));
  }
}
