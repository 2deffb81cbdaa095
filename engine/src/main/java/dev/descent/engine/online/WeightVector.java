package dev.descent.engine.online;

/** Dense weights that keep count of their non-zero coordinates as they are written. */
final class WeightVector {
  private final double[] w;
  private int nonzeros;

  WeightVector(int dimension) {
    this.w = new double[dimension];
  }

  int dimension() {
    return w.length;
  }

  double get(int i) {
    return w[i];
  }

  void set(int i, double value) {
    nonzeros += (value != 0.0 ? 1 : 0) - (w[i] != 0.0 ? 1 : 0);
    w[i] = value;
  }

  int nonzeros() {
    return nonzeros;
  }

  /** The live array: callers read it, never write it. */
  double[] values() {
    return w;
  }

  /** Soft thresholding {@code S_a(v) = sign(v)·max(|v| − a, 0)}, the proximal map of {@code a·|v|}. */
  static double softThreshold(double v, double a) {
    double magnitude = Math.abs(v) - a;
    return magnitude > 0.0 ? Math.copySign(magnitude, v) : 0.0;
  }
}
