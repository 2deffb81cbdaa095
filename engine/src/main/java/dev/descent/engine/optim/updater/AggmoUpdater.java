package dev.descent.engine.optim.updater;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The update rule of {@link AggmoConfig}: one momentum buffer per damping, named {@code momentum_buffer_i}. */
final class AggmoUpdater extends StateUpdater<AggmoConfig> {
  static final String BUFFER_PREFIX = "momentum_buffer_";

  AggmoUpdater(AggmoConfig config) {
    super(config, keys(config.getBetas().length));
  }

  private static List<String> keys(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(BUFFER_PREFIX + i);
    }
    return keys;
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    double[] betas = getConfig().getBetas();
    INDArray total = gradient.like();
    for (int i = 0; i < betas.length; i++) {
      INDArray buffer = state(BUFFER_PREFIX + i);
      buffer.muli(betas[i]).addi(gradient);
      total.addi(buffer);
    }
    gradient.assign(total).muli(getConfig().getLearningRate(iteration, epoch) / betas.length);
  }
}
