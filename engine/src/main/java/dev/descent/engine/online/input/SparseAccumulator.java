package dev.descent.engine.online.input;

import java.util.Arrays;

/** Builds a {@link SparseVector} from unsorted, possibly repeated indices by summing the values of equal ones. */
final class SparseAccumulator {
  private SparseAccumulator() {}

  static SparseVector sum(int dimension, int[] indices, double[] values) {
    Integer[] order = new Integer[indices.length];
    Arrays.setAll(order, j -> j);
    Arrays.sort(order, (a, b) -> Integer.compare(indices[a], indices[b]));
    int[] outIndices = new int[indices.length];
    double[] outValues = new double[indices.length];
    int n = 0;
    for (int j : order) {
      if (n > 0 && outIndices[n - 1] == indices[j]) {
        outValues[n - 1] += values[j];
      } else {
        outIndices[n] = indices[j];
        outValues[n++] = values[j];
      }
    }
    return new SparseVector(dimension, Arrays.copyOf(outIndices, n), Arrays.copyOf(outValues, n));
  }
}
