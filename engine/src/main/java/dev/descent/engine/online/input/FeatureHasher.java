package dev.descent.engine.online.input;

/**
 * Signed feature hashing (Weinberger et al. 2009, "Feature Hashing for Large Scale Multitask Learning"): raw index
 * {@code i} goes to coordinate {@code h(i) mod D} with sign {@code ξ(i) ∈ {−1, +1}}, both taken from one 64-bit mix
 * {@code m = splitmix64(seed ⊕ i)}: {@code h} from its high 32 bits, {@code ξ} from its lowest bit. Colliding features
 * add up; the signs make the hashed inner product unbiased.
 */
public record FeatureHasher(int dimension, long seed) implements FeatureSpace {
  public FeatureHasher {
    IdentityFeatureSpace.requireDimension(dimension);
  }

  @Override
  public SparseVector map(long[] rawIndices, double[] values) {
    int[] indices = new int[rawIndices.length];
    double[] signed = new double[rawIndices.length];
    for (int j = 0; j < rawIndices.length; j++) {
      long mix = splitMix64(seed ^ rawIndices[j]);
      indices[j] = (int) Long.remainderUnsigned(mix >>> 32, dimension);
      signed[j] = (mix & 1L) == 0 ? values[j] : -values[j];
    }
    return SparseAccumulator.sum(dimension, indices, signed);
  }

  /** Steele, Lea and Flood's SplitMix64 finalizer (the mix of {@code java.util.SplittableRandom}). */
  private static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
