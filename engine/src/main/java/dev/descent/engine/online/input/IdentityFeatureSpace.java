package dev.descent.engine.online.input;

/** Raw indices are the coordinates; an index outside {@code [0, dimension)} is an error. */
final class IdentityFeatureSpace implements FeatureSpace {
  private final int dimension;

  IdentityFeatureSpace(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1");
    }
    this.dimension = dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public SparseVector map(long[] rawIndices, double[] values) {
    int[] indices = new int[rawIndices.length];
    for (int j = 0; j < rawIndices.length; j++) {
      if (rawIndices[j] < 0 || rawIndices[j] >= dimension) {
        throw new IllegalArgumentException("feature index " + rawIndices[j] + " outside [0, " + dimension + ")");
      }
      indices[j] = (int) rawIndices[j];
    }
    return SparseAccumulator.sum(dimension, indices, values);
  }
}
