package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Glorot/Xavier initialization (Glorot and Bengio 2010, "Understanding the difficulty of training deep feedforward
 * neural networks", eq. 16): {@code Var(W) = gain² · 2/(fan_in + fan_out)}, i.e. {@code U(−a, a)} with {@code a =
 * gain·√(6/(fan_in + fan_out))} or {@code N(0, gain²·2/(fan_in + fan_out))} as PyTorch's {@code xavier_uniform_} /
 * {@code xavier_normal_}; times {@code scale}.
 */
public class XavierInit extends SeededWeightInit {
  public static final double DEFAULT_GAIN = 1.0;

  private Distribution distribution = Distribution.UNIFORM;
  private double gain = DEFAULT_GAIN;

  public XavierInit() {}

  public XavierInit(Distribution distribution, double gain, double scale) {
    this.distribution = distribution;
    this.gain = gain;
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    return distribution.draws(units * inputs, gain * Math.sqrt(2.0 / (fanIn + fanOut)), random);
  }

  @Override
  protected List<Object> settings() {
    return List.of(distribution, gain, getScale());
  }
}
