package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * LeCun initialization (LeCun, Bottou, Orr and Müller 1998, "Efficient BackProp", §4.6): {@code Var(W) = 1/fan_in},
 * i.e. {@code U(−√(3/fan_in), √(3/fan_in))} (DL4J's {@code LECUN_UNIFORM} uses a bound √3 times wider) or {@code
 * N(0, 1/fan_in)} (plain, not Keras' truncated normal); times {@code scale}.
 */
public class LecunInit extends SeededWeightInit {
  private Distribution distribution = Distribution.NORMAL;

  public LecunInit() {}

  public LecunInit(Distribution distribution, double scale) {
    this.distribution = distribution;
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    return distribution.draws(units * inputs, 1.0 / Math.sqrt(fanIn), random);
  }

  @Override
  protected List<Object> settings() {
    return List.of(distribution, getScale());
  }
}
