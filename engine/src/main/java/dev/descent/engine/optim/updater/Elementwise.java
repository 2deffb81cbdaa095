package dev.descent.engine.optim.updater;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-by-element access for the sign-driven rules (Rprop, delta-bar-delta) whose branches are clearer and exact
 * as a float64 loop: arrays are read in 'c' order into {@code double[]} and written back in place.
 */
final class Elementwise {
  private Elementwise() {}

  static double[] read(INDArray array) {
    return Nd4j.toFlattened('c', array).toDoubleVector();
  }

  static void write(INDArray target, double[] values) {
    target.assign(Nd4j.createFromArray(values).reshape('c', target.shape()));
  }
}
