package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Sparse initialization (Martens 2010, "Deep learning via Hessian-free optimization", §5): each unit gets exactly
 * {@code k} non-zero incoming weights (every input when it has fewer than {@code k}), at inputs chosen uniformly
 * without replacement, with values {@code N(0, 1)} times {@code scale}; all others are 0.
 */
public class SparseInit extends SeededWeightInit {
  /** Martens' choice. */
  public static final int DEFAULT_K = 15;

  private int k = DEFAULT_K;

  public SparseInit() {}

  public SparseInit(int k, double scale) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1");
    }
    this.k = k;
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    double[] weights = new double[units * inputs];
    int[] order = new int[inputs];
    for (int i = 0; i < inputs; i++) {
      order[i] = i;
    }
    int nonzeros = Math.min(k, inputs);
    for (int u = 0; u < units; u++) {
      for (int j = 0; j < nonzeros; j++) {
        int pick = j + random.nextInt(inputs - j);
        int chosen = order[pick];
        order[pick] = order[j];
        order[j] = chosen;
        weights[u * inputs + chosen] = nonZeroGaussian(random);
      }
    }
    return weights;
  }

  private static double nonZeroGaussian(SplittableRandom random) {
    double value;
    do {
      value = random.nextGaussian();
    } while (value == 0.0);
    return value;
  }

  @Override
  protected List<Object> settings() {
    return List.of(k, getScale());
  }
}
