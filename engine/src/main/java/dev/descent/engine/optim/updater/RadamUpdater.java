package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link RadamConfig}. */
final class RadamUpdater extends StateUpdater<RadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  RadamUpdater(RadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    RadamConfig c = getConfig();
    int t = step(iteration);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double biasCorrection2 = 1 - Math.pow(beta2, t);
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Ema.update(m, gradient, beta1);
    Ema.updateSquare(v, gradient, beta2);
    double lr = c.getLearningRate(iteration, epoch);
    gradient.assign(m).divi(biasCorrection1).muli(lr);
    double rhoInf = 2 / (1 - beta2) - 1;
    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / biasCorrection2;
    if (rhoT > RadamConfig.RHO_THRESHOLD) {
      double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      INDArray adaptive = Transforms.sqrt(v, true).addi(c.getEps()).rdivi(Math.sqrt(biasCorrection2));
      gradient.muli(adaptive).muli(rect);
    }
  }
}
