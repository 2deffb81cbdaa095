package dev.descent.engine.optim.updater;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link RmspropConfig}. */
final class RmspropUpdater extends StateUpdater<RmspropConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String GRAD_AVG = "grad_avg";
  static final String MOMENTUM_BUFFER = "momentum_buffer";

  RmspropUpdater(RmspropConfig config) {
    super(config, keys(config));
  }

  static List<String> keys(RmspropConfig config) {
    List<String> keys = new ArrayList<>(List.of(SQUARE_AVG));
    if (config.isCentered()) {
      keys.add(GRAD_AVG);
    }
    if (config.getMomentum() > 0) {
      keys.add(MOMENTUM_BUFFER);
    }
    return keys;
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    RmspropConfig c = getConfig();
    double alpha = c.getAlpha();
    INDArray squareAvg = state(SQUARE_AVG);
    Ema.updateSquare(squareAvg, gradient, alpha);
    INDArray denominator;
    if (c.isCentered()) {
      INDArray gradAvg = state(GRAD_AVG);
      Ema.update(gradAvg, gradient, alpha);
      denominator = Transforms.sqrt(squareAvg.sub(gradAvg.mul(gradAvg)), false).addi(c.getEps());
    } else {
      denominator = Transforms.sqrt(squareAvg, true).addi(c.getEps());
    }
    gradient.divi(denominator);
    if (c.getMomentum() > 0) {
      INDArray buffer = state(MOMENTUM_BUFFER);
      buffer.muli(c.getMomentum()).addi(gradient);
      gradient.assign(buffer);
    }
    gradient.muli(c.getLearningRate(iteration, epoch));
  }
}
