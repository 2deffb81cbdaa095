package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The common heuristic {@code W_ij ~ U(−1/√m, 1/√m)} with {@code m} the fan-in (Goodfellow, Bengio and Courville
 * 2016, "Deep Learning", §8.4; Glorot and Bengio 2010, eq. 15), times {@code scale}.
 */
public class FanInUniformInit extends SeededWeightInit {

  public FanInUniformInit() {}

  public FanInUniformInit(double scale) {
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    return Distribution.UNIFORM.draws(units * inputs, 1.0 / Math.sqrt(3.0 * fanIn), random);
  }

  @Override
  protected List<Object> settings() {
    return List.of(getScale());
  }
}
