package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;
import java.util.Random;

/**
 * Seeded synthetic datasets: the same spec and seed always give the same samples. With {@code n} samples, class
 * {@code k = i mod K} for sample {@code i}, {@code ε ~ N(0, 1)} and {@code σ} the spec's {@code noise}:
 * <ul>
 *   <li>{@code blobs}: K centres {@code c_k ~ U[-10, 10]^d}; {@code x = c_k + σ ε} (scikit-learn's
 *       {@code make_blobs}).
 *   <li>{@code moons}: {@code t ~ U[0, π]}; class 0 {@code (cos t, sin t)}, class 1 {@code (1 - cos t,
 *       1/2 - sin t)}, plus {@code σ ε} (scikit-learn's {@code make_moons}).
 *   <li>{@code circles}: {@code t ~ U[0, 2π)}; class 0 on the unit circle, class 1 on radius {@value #INNER_RADIUS},
 *       plus {@code σ ε} (scikit-learn's {@code make_circles}).
 *   <li>{@code spirals}: K interleaved arms (Lang and Witbrock, "Learning to tell two spirals apart", 1988):
 *       {@code r ~ U[0, 1]}, {@code θ = 2πk/K + 4πr + σ ε}, {@code x = r (sin θ, cos θ)}.
 *   <li>{@code regression}: {@code x ~ N(0, I_d)}, weights {@code w ~ N(0, I_d)}, bias {@code b ~ N(0, 1)},
 *       target {@code y = w·x + b + σ ε}.
 * </ul>
 */
final class SyntheticDatasets {
  static final double CENTER_BOX = 10.0;
  static final double INNER_RADIUS = 0.5;
  private static final double SPIRAL_TURNS = 4 * Math.PI;

  private SyntheticDatasets() {}

  static Samples generate(DatasetSpec spec, long seed) {
    Random random = new Random(seed);
    int n = spec.samples();
    double noise = spec.noise();
    return switch (spec.kind()) {
      case BLOBS -> blobs(random, n, spec.inputCount(), spec.classCount(), noise);
      case MOONS -> moons(random, n, noise);
      case CIRCLES -> circles(random, n, noise);
      case SPIRALS -> spirals(random, n, spec.classCount(), noise);
      case REGRESSION -> regression(random, n, spec.inputCount(), noise);
      case BARS -> Bars.generate(random, n, noise);
      default -> throw new IllegalArgumentException(spec.name() + " is not a synthetic dataset");
    };
  }

  private static Samples blobs(Random random, int n, int d, int classes, double noise) {
    double[][] centres = new double[classes][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = (2 * random.nextDouble() - 1) * CENTER_BOX;
      }
    }
    float[][] x = new float[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (centres[y[i]][j] + noise * random.nextGaussian());
      }
    }
    return Samples.classification(x, y, classes);
  }

  private static Samples moons(Random random, int n, double noise) {
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      double t = Math.PI * random.nextDouble();
      double a = y[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
      double b = y[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      x[i] = point(a, b, noise, random);
    }
    return Samples.classification(x, y, 2);
  }

  private static Samples circles(Random random, int n, double noise) {
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      double t = 2 * Math.PI * random.nextDouble();
      double r = y[i] == 0 ? 1.0 : INNER_RADIUS;
      x[i] = point(r * Math.cos(t), r * Math.sin(t), noise, random);
    }
    return Samples.classification(x, y, 2);
  }

  private static Samples spirals(Random random, int n, int classes, double noise) {
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      double r = random.nextDouble();
      double theta = 2 * Math.PI * y[i] / classes + SPIRAL_TURNS * r + noise * random.nextGaussian();
      x[i] = new float[] {(float) (r * Math.sin(theta)), (float) (r * Math.cos(theta))};
    }
    return Samples.classification(x, y, classes);
  }

  private static Samples regression(Random random, int n, int d, double noise) {
    double[] w = new double[d];
    for (int j = 0; j < d; j++) {
      w[j] = random.nextGaussian();
    }
    double bias = random.nextGaussian();
    float[][] x = new float[n][d];
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = bias;
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) random.nextGaussian();
        sum += w[j] * x[i][j];
      }
      t[i] = (float) (sum + noise * random.nextGaussian());
    }
    return Samples.regression(x, t);
  }

  private static float[] point(double a, double b, double noise, Random random) {
    return new float[] {(float) (a + noise * random.nextGaussian()), (float) (b + noise * random.nextGaussian())};
  }
}
