package dev.descent.engine.optim.updater;

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

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    RmspropNesterovConfig c = getConfig();
    double mu = c.getMomentum();
    INDArray squareAvg = state(SQUARE_AVG);
    INDArray velocity = state(VELOCITY);
    INDArray previous = velocity.mul(mu);
    Ema.updateSquare(squareAvg, gradient, c.getAlpha());
    INDArray scaled = gradient.div(Transforms.sqrt(squareAvg, true).addi(c.getEps()));
    velocity.muli(mu).addi(scaled.muli(c.getLearningRate(iteration, epoch)));
    gradient.assign(velocity).muli(1 + mu).subi(previous);
  }
}
