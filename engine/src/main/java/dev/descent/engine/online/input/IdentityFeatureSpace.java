package dev.descent.engine.online.input;

/** Raw indices are the coordinates; an index outside {@code [0, dimension)} is an error. */
record IdentityFeatureSpace(int dimension) implements FeatureSpace {
  IdentityFeatureSpace {
    requireDimension(dimension);
  }

  static void requireDimension(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1");
    }
  }

  /** {@code index} as an int, checked to lie in {@code [0, dimension)}. */
  static int inRange(long index, int dimension) {
    if (index < 0 || index >= dimension) {
      throw new IllegalArgumentException("feature index " + index + " outside [0, " + dimension + ")");
    }
    return (int) index;
  }

  @Override
  public SparseVector map(long[] rawIndices, double[] values) {
    int[] indices = new int[rawIndices.length];
    for (int j = 0; j < rawIndices.length; j++) {
      indices[j] = inRange(rawIndices[j], dimension);
    }
    return SparseAccumulator.sum(dimension, indices, values);
  }
}
