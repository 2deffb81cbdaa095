package dev.descent.engine.init;

import java.util.SplittableRandom;

/** The shape of an i.i.d. draw with mean 0 and a given standard deviation. */
public enum Distribution {
  /** {@code U(−√3·std, √3·std)}. */
  UNIFORM {
    @Override
    double draw(double std, SplittableRandom random) {
      double bound = Math.sqrt(3.0) * std;
      return random.nextDouble(-bound, bound);
    }
  },
  /** {@code N(0, std²)}. */
  NORMAL {
    @Override
    double draw(double std, SplittableRandom random) {
      return std * random.nextGaussian();
    }
  };

  abstract double draw(double std, SplittableRandom random);

  double[] draws(int count, double std, SplittableRandom random) {
    double[] out = new double[count];
    for (int j = 0; j < count; j++) {
      out[j] = draw(std, random);
    }
    return out;
  }
}
