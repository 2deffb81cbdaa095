package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The update rule of {@link SgdConfig}. */
final class SgdUpdater extends StateUpdater<SgdConfig> {
  static final String MOMENTUM_BUFFER = "momentum_buffer";

  SgdUpdater(SgdConfig config) {
    super(config, config.getMomentum() == 0 ? List.of() : List.of(MOMENTUM_BUFFER));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    SgdConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    double mu = c.getMomentum();
    if (mu != 0) {
      INDArray buffer = state(MOMENTUM_BUFFER);
      if (iteration == 0) {
        buffer.assign(gradient);
      } else {
        buffer.muli(mu).addi(gradient.mul(1 - c.getDampening()));
      }
      if (c.isNesterov()) {
        gradient.addi(buffer.mul(mu));
      } else {
        gradient.assign(buffer);
      }
    }
    gradient.muli(lr);
  }
}
