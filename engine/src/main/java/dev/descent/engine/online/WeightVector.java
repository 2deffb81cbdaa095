package dev.descent.engine.online;

import java.util.Arrays;

/**
 * Dense weights that keep the set of their non-zero coordinates as they are written, so that a regularizer which
 * leaves zeros at zero (soft thresholding, truncation, RDA's threshold between touches) can visit only the non-zero
 * ones: its cost then follows the model's sparsity, not its dimension.
 */
final class WeightVector {
  private final double[] w;
  private final int[] active;
  private final int[] position;
  private int nonzeros;

  /** A new value for coordinate {@code i} whose current value is {@code value}. */
  @FunctionalInterface
  interface CoordinateUpdate {
    double apply(int i, double value);
  }

  WeightVector(int dimension) {
    this.w = new double[dimension];
    this.active = new int[dimension];
    this.position = new int[dimension];
    Arrays.fill(position, -1);
  }

  int dimension() {
    return w.length;
  }

  double get(int i) {
    return w[i];
  }

  void set(int i, double value) {
    boolean was = w[i] != 0.0;
    boolean is = value != 0.0;
    w[i] = value;
    if (is && !was) {
      position[i] = nonzeros;
      active[nonzeros++] = i;
    } else if (was && !is) {
      int last = active[--nonzeros];
      active[position[i]] = last;
      position[last] = position[i];
      position[i] = -1;
    }
  }

  /** Applies {@code update} to every coordinate that is non-zero when the call starts, each exactly once. */
  void updateNonzeros(CoordinateUpdate update) {
    for (int j = nonzeros - 1; j >= 0; j--) {
      int i = active[j];
      set(i, update.apply(i, w[i]));
    }
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
