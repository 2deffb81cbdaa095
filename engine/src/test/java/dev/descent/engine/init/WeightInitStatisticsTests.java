package dev.descent.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Empirical moments of each i.i.d. scheme on a 400 × 300 dense layer, within 5 standard errors of the scheme's
 * formula: the mean within {@code 5σ/√N}, the variance within {@code 5·√((μ₄ − σ⁴)/N)} ({@code μ₄ = 3σ⁴} normal,
 * {@code 9σ⁴/5} uniform), and uniform draws inside, and reaching close to, their bound.
 */
class WeightInitStatisticsTests {
  private static final int FAN_IN = 400;
  private static final int FAN_OUT = 300;
  private static final int N = FAN_IN * FAN_OUT;

  static Stream<Arguments> schemes() {
    double relu = Math.sqrt(2.0);
    double leaky = Math.sqrt(2.0 / (1 + 0.2 * 0.2));
    return Stream.of(
        Arguments.of("uniform", new FanInUniformInit(), true, 1 / Math.sqrt(FAN_IN)),
        Arguments.of("uniform x0.5", new FanInUniformInit(0.5), true, 0.5 / Math.sqrt(FAN_IN)),
        Arguments.of("xavier_uniform gain 2", new XavierInit(Distribution.UNIFORM, 2, 1), true,
            2 * Math.sqrt(6.0 / (FAN_IN + FAN_OUT))),
        Arguments.of("xavier_normal", new XavierInit(Distribution.NORMAL, 1, 1), false,
            Math.sqrt(2.0 / (FAN_IN + FAN_OUT))),
        Arguments.of("kaiming_uniform fan_in relu", kaiming(Distribution.UNIFORM, FanMode.FAN_IN, "relu", 0, 1),
            true, relu * Math.sqrt(3.0 / FAN_IN)),
        Arguments.of("kaiming_normal fan_out leaky 0.2 x3",
            kaiming(Distribution.NORMAL, FanMode.FAN_OUT, "leaky_relu", 0.2, 3), false, 3 * leaky / Math.sqrt(FAN_OUT)),
        Arguments.of("kaiming_normal tanh", kaiming(Distribution.NORMAL, FanMode.FAN_IN, "tanh", 0, 1), false,
            (5.0 / 3) / Math.sqrt(FAN_IN)),
        Arguments.of("lecun_uniform", new LecunInit(Distribution.UNIFORM, 1), true, Math.sqrt(3.0 / FAN_IN)),
        Arguments.of("lecun_normal x2", new LecunInit(Distribution.NORMAL, 2), false, 2 / Math.sqrt(FAN_IN)));
  }

  /** {@code spread} is the bound for a uniform scheme, the standard deviation for a normal one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void momentsMatchTheFormula(String name, IWeightInit init, boolean uniform, double spread) {
    double[] w = draw(init);
    double sigma = uniform ? spread / Math.sqrt(3) : spread;
    double mean = mean(w);
    double variance = variance(w, mean);
    double fourthMoment = (uniform ? 1.8 : 3.0) * Math.pow(sigma, 4);
    assertThat(mean).isCloseTo(0.0, within(5 * sigma / Math.sqrt(N)));
    assertThat(variance).isCloseTo(sigma * sigma, within(5 * Math.sqrt((fourthMoment - Math.pow(sigma, 4)) / N)));
    if (uniform) {
      double max = Stream.of(w).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max().orElseThrow();
      assertThat(max).isLessThanOrEqualTo(spread).isGreaterThan(0.999 * spread);
    }
  }

  static double[] draw(IWeightInit init) {
    Nd4j.getRandom().setSeed(7);
    INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, N);
    INDArray w = init.init(FAN_IN, FAN_OUT, new long[] {FAN_IN, FAN_OUT}, 'f', view);
    assertThat(w.shape()).containsExactly(FAN_IN, FAN_OUT);
    return view.toDoubleVector();
  }

  private static KaimingInit kaiming(
      Distribution distribution, FanMode mode, String nonlinearity, double slope, double scale) {
    return new KaimingInit(distribution, mode, nonlinearity, slope, scale);
  }

  private static double mean(double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    return sum / w.length;
  }

  private static double variance(double[] w, double mean) {
    double sum = 0;
    for (double v : w) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (w.length - 1);
  }
}
