package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;

/** Weights, step count and the last step size, shared by every algorithm. */
abstract class AbstractLearner implements OnlineLearner {
  protected final WeightVector w;
  protected long t;
  protected double lastRate = Double.NaN;

  AbstractLearner(int dimension) {
    this.w = new WeightVector(dimension);
  }

  @Override
  public int dimension() {
    return w.dimension();
  }

  @Override
  public double margin(SparseVector x) {
    return x.dot(w.values());
  }

  @Override
  public double learningRate() {
    return lastRate;
  }

  @Override
  public double[] weights() {
    return w.values().clone();
  }

  @Override
  public int nonzeros() {
    return w.nonzeros();
  }

  /** {@code w_i ← w_i − eta·lossSlope·x_i} on the coordinates of {@code x}. */
  protected void gradientStep(SparseVector x, double lossSlope, double eta) {
    double scaled = eta * lossSlope;
    int[] indices = x.indices();
    double[] values = x.values();
    for (int j = 0; j < indices.length; j++) {
      w.set(indices[j], w.get(indices[j]) - scaled * values[j]);
    }
  }

  static void requireNonNegative(double value, String name) {
    if (!(value >= 0.0)) {
      throw new IllegalArgumentException(name + " must be >= 0");
    }
  }

  static void requirePositive(double value, String name) {
    if (!(value > 0.0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be a finite number > 0");
    }
  }
}
