package dev.descent.engine.online.input;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A seeded sparse logistic-regression stream: a true weight vector with {@code trueNonzeros} non-zero coordinates
 * (chosen uniformly, values {@code N(0, WEIGHT_STD²)}), then {@code samples} examples whose features are each
 * non-zero with probability {@code density} (values {@code N(0, 1)}) and whose label is 1 with probability
 * {@code σ(w_trueᵀx)}, else 0. Every {@link #iterator()} replays the same stream.
 */
public record SyntheticSparseStream(int samples, int dimension, int trueNonzeros, double density, long seed)
    implements Iterable<Example> {

  public static final double WEIGHT_STD = 2.0;

  public SyntheticSparseStream {
    if (samples < 0 || dimension < 1 || trueNonzeros < 0 || trueNonzeros > dimension) {
      throw new IllegalArgumentException("need samples >= 0, dimension >= 1, 0 <= trueNonzeros <= dimension");
    }
    if (!(density > 0.0 && density <= 1.0)) {
      throw new IllegalArgumentException("density must lie in (0, 1]");
    }
  }

  /** The weights the labels are drawn from. */
  public double[] trueWeights() {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[dimension];
    Arrays.setAll(order, i -> i);
    double[] w = new double[dimension];
    for (int j = 0; j < trueNonzeros; j++) {
      int pick = j + random.nextInt(dimension - j);
      int chosen = order[pick];
      order[pick] = order[j];
      order[j] = chosen;
      w[chosen] = WEIGHT_STD * gaussian(random);
    }
    return w;
  }

  @Override
  public Iterator<Example> iterator() {
    double[] w = trueWeights();
    SplittableRandom random = new SplittableRandom(seed).split();
    return new Iterator<>() {
      private int produced;

      @Override
      public boolean hasNext() {
        return produced < samples;
      }

      @Override
      public Example next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        produced++;
        return sample(w, random);
      }
    };
  }

  private Example sample(double[] w, SplittableRandom random) {
    double[] x = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      if (random.nextDouble() < density) {
        x[i] = gaussian(random);
      }
    }
    SparseVector features = SparseVector.ofDense(x);
    double p = 1.0 / (1.0 + Math.exp(-features.dot(w)));
    return new Example(features, random.nextDouble() < p ? 1.0 : 0.0);
  }

  /** A standard normal draw by Box–Muller, spelled out so that the stream does not change with the JDK's own. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
  }
}
