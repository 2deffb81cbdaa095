package dev.descent.engine.online.input;

import java.util.Arrays;

/**
 * A vector of {@code dimension} coordinates of which only {@code indices} (strictly increasing, each in
 * {@code [0, dimension)}) may be non-zero, holding {@code values}.
 */
public record SparseVector(int dimension, int[] indices, double[] values) {

  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length");
    }
    for (int j = 0; j < indices.length; j++) {
      boolean increasing = j == 0 || indices[j] > indices[j - 1];
      if (!increasing || indices[j] < 0 || indices[j] >= dimension) {
        throw new IllegalArgumentException("index " + indices[j] + " out of order or outside [0, " + dimension + ")");
      }
    }
  }

  /** The non-zero entries of a dense vector (exact zeros, either sign, are left out). */
  public static SparseVector ofDense(double[] dense) {
    int[] indices = new int[dense.length];
    double[] values = new double[dense.length];
    int n = 0;
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0.0) {
        indices[n] = i;
        values[n++] = dense[i];
      }
    }
    return new SparseVector(dense.length, Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
  }

  /** The vector {@code Σ_j values[j]·e_{indices[j]}}: indices in any order, repeated ones summed. */
  public static SparseVector sum(int dimension, int[] indices, double[] values) {
    return SparseAccumulator.sum(dimension, indices, values);
  }

  public int nonzeros() {
    return indices.length;
  }

  /** {@code Σ_j w[indices[j]]·values[j]}. */
  public double dot(double[] w) {
    double sum = 0.0;
    for (int j = 0; j < indices.length; j++) {
      sum += w[indices[j]] * values[j];
    }
    return sum;
  }
}
