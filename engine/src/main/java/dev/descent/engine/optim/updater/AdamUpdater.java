package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdamConfig}. */
final class AdamUpdater extends StateUpdater<AdamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";
  static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  AdamUpdater(AdamConfig config) {
    super(config, config.isAmsgrad() ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdamConfig c = getConfig();
    int t = step(iteration);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    m.muli(beta1).addi(gradient.mul(1 - beta1));
    v.muli(beta2).addi(gradient.mul(gradient).muli(1 - beta2));
    INDArray second = v;
    if (c.isAmsgrad()) {
      second = state(MAX_EXP_AVG_SQ);
      Transforms.max(second, v, false);
    }
    double stepSize = c.getLearningRate(iteration, epoch) / (1 - Math.pow(beta1, t));
    INDArray denominator = Transforms.sqrt(second, true).divi(Math.sqrt(1 - Math.pow(beta2, t))).addi(c.getEps());
    gradient.assign(m).divi(denominator).muli(stepSize);
  }
}
