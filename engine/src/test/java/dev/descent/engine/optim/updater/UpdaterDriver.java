package dev.descent.engine.optim.updater;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/** Feeds given gradients to an updater the way DL4J does and returns the updates it produces. */
final class UpdaterDriver {
  private final GradientUpdater<?> updater;
  private int iteration;

  UpdaterDriver(IUpdater config, int length) {
    long size = config.stateSize(length);
    INDArray state = size == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, size);
    this.updater = config.instantiate(state, true);
  }

  double[] update(double... gradient) {
    INDArray array = Nd4j.createFromArray(gradient.clone()).reshape(1, gradient.length);
    updater.applyUpdater(array, iteration++, 0);
    return array.toDoubleVector();
  }
}
