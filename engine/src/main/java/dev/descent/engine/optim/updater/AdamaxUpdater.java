package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdamaxConfig}. */
final class AdamaxUpdater extends StateUpdater<AdamaxConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_INF = "exp_inf";

  AdamaxUpdater(AdamaxConfig config) {
    super(config, List.of(EXP_AVG, EXP_INF));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdamaxConfig c = getConfig();
    double beta1 = c.getBeta1();
    INDArray m = state(EXP_AVG);
    INDArray u = state(EXP_INF);
    Ema.update(m, gradient, beta1);
    Transforms.max(u.muli(c.getBeta2()), Transforms.abs(gradient, true).addi(c.getEps()), false);
    double clr = c.getLearningRate(iteration, epoch) / (1 - Math.pow(beta1, step(iteration)));
    gradient.assign(m).divi(u).muli(clr);
  }
}
