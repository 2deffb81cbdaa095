package dev.descent.engine.optim.updater;

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

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdadeltaConfig c = getConfig();
    double rho = c.getRho();
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray accDelta = state(ACC_DELTA);
    Ema.updateSquare(squareAvg, gradient, rho);
    INDArray std = Transforms.sqrt(squareAvg.add(c.getEps()), false);
    INDArray delta = Transforms.sqrt(accDelta.add(c.getEps()), false).divi(std).muli(gradient);
    Ema.updateSquare(accDelta, delta, rho);
    gradient.assign(delta).muli(c.getLearningRate(iteration, epoch));
  }
}
