package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/** The update rule of {@link SgdConfig}; {@code Axpy(x, y, z, a)} is {@code z = a·x + y}, fused. */
final class SgdUpdater extends StateUpdater<SgdConfig> {
  static final String MOMENTUM_BUFFER = "momentum_buffer";

  SgdUpdater(SgdConfig config) {
    super(config, config.usesMomentum() ? List.of(MOMENTUM_BUFFER) : List.of());
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    SgdConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    double mu = c.momentumAt(iteration, epoch);
    if (c.usesMomentum()) {
      INDArray buffer = state(MOMENTUM_BUFFER);
      if (iteration == 0) {
        buffer.assign(gradient);
      } else {
        Nd4j.exec(new Axpy(gradient, buffer.muli(mu), buffer, 1 - c.getDampening()));
      }
      if (c.isNesterov()) {
        Nd4j.exec(new Axpy(buffer, gradient, gradient, mu));
      } else {
        gradient.assign(buffer);
      }
    }
    gradient.muli(lr);
  }
}
