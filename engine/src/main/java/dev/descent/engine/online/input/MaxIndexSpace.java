package dev.descent.engine.online.input;

/**
 * A feature space that only records the largest raw index it is shown (each must lie in {@code [0, limit)}); it maps
 * every row to the empty vector. A first pass over a file through it finds the dimension the file needs.
 */
public final class MaxIndexSpace implements FeatureSpace {
  private final int limit;
  private long max = -1;

  public MaxIndexSpace(int limit) {
    this.limit = limit;
  }

  @Override
  public int dimension() {
    return limit;
  }

  @Override
  public SparseVector map(long[] rawIndices, double[] values) {
    for (long index : rawIndices) {
      max = Math.max(max, IdentityFeatureSpace.inRange(index, limit));
    }
    return new SparseVector(limit, new int[0], new double[0]);
  }

  /** The dimension the rows seen so far need: largest index + 1 (at least 1). */
  public int needed() {
    return (int) Math.max(1, max + 1);
  }
}
