package dev.descent.engine.online.input;

/** Maps raw feature indices (as a file names them) onto the coordinates of the model's weight vector. */
public interface FeatureSpace {

  /** The model's dimension. */
  int dimension();

  /** The vector of the raw entries {@code rawIndices[j] ↦ values[j]} in this space (collisions add up). */
  SparseVector map(long[] rawIndices, double[] values);

  /** Raw indices used as they are; each must lie in {@code [0, dimension)}. */
  static FeatureSpace identity(int dimension) {
    return new IdentityFeatureSpace(dimension);
  }
}
