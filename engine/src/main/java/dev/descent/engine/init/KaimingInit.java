package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * He/Kaiming initialization (He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers", eq. 10 and 14): {@code
 * std = gain/√fan} with {@code fan} the fan-in or fan-out ({@code mode}) and {@code gain = }{@link Gains#of}{@code
 * (nonlinearity, negativeSlope)}; drawn as {@code U(−√3·std, √3·std)} or {@code N(0, std²)} exactly as PyTorch's
 * {@code kaiming_uniform_} / {@code kaiming_normal_}; times {@code scale}.
 */
public class KaimingInit extends SeededWeightInit {
  public static final String DEFAULT_NONLINEARITY = "relu";
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.0;

  private Distribution distribution = Distribution.NORMAL;
  private FanMode mode = FanMode.FAN_IN;
  private String nonlinearity = DEFAULT_NONLINEARITY;
  private double negativeSlope = DEFAULT_NEGATIVE_SLOPE;

  public KaimingInit() {}

  public KaimingInit(
      Distribution distribution, FanMode mode, String nonlinearity, double negativeSlope, double scale) {
    if (!Gains.NONLINEARITIES.contains(nonlinearity)) {
      throw new IllegalArgumentException("unknown nonlinearity '" + nonlinearity + "'");
    }
    this.distribution = distribution;
    this.mode = mode;
    this.nonlinearity = nonlinearity;
    this.negativeSlope = negativeSlope;
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    double std = Gains.of(nonlinearity, negativeSlope) / Math.sqrt(mode.of(fanIn, fanOut));
    return distribution.draws(units * inputs, std, random);
  }

  @Override
  protected List<Object> settings() {
    return List.of(distribution, mode, nonlinearity, negativeSlope, getScale());
  }
}
