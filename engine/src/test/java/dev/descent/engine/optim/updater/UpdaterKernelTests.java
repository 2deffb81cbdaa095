package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.kernel.HeapChunks;
import dev.descent.engine.optim.OptimizerSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The vectorized chunk kernels ({@link HeapChunks}) of every first-order updater: the float loop follows the double
 * loop to float precision, and the fallback for arrays the kernels cannot run (a strided gradient view: libnd4j's ops,
 * or the float64 loop of Rprop and delta-bar-delta) gives the kernels' result, over several steps on random
 * gradients longer than one chunk (so a chunk boundary and a short tail are crossed). Plain SGD and ASGD stay on
 * libnd4j's ops on both paths (faster than a kernel for them); they are kept here as float/double checks.
 */
class UpdaterKernelTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LENGTH = HeapChunks.CHUNK + 1000;
  private static final int STEPS = 10;

  private static final String[] SPECS = {
      "{'type': 'sgd', 'lr': 0.1}",
      "{'type': 'sgd', 'lr': 0.1, 'momentum': 0.9}",
      "{'type': 'sgd', 'lr': 0.1, 'momentum': 0.8, 'dampening': 0.3}",
      "{'type': 'sgd', 'lr': 0.1, 'momentum': 0.9, 'nesterov': true}",
      "{'type': 'asgd', 'lr': 0.05, 'lambd': 0.01, 'alpha': 0.75, 't0': 3}",
      "{'type': 'aggmo', 'lr': 0.01}",
      "{'type': 'aggmo', 'lr': 0.01, 'betas': [0.5, 0.7, 0.9, 0.95, 0.99]}",
      "{'type': 'adagrad', 'lr': 0.1, 'lr_decay': 0.01, 'initial_accumulator_value': 0.1}",
      "{'type': 'adadelta', 'lr': 0.5, 'rho': 0.95}",
      "{'type': 'rmsprop', 'lr': 0.01}",
      "{'type': 'rmsprop', 'lr': 0.01, 'centered': true}",
      "{'type': 'rmsprop', 'lr': 0.01, 'momentum': 0.9}",
      "{'type': 'rmsprop', 'lr': 0.01, 'momentum': 0.9, 'centered': true}",
      "{'type': 'rmsprop_nesterov', 'lr': 0.01, 'momentum': 0.9}",
      "{'type': 'adam', 'lr': 0.01}",
      "{'type': 'adam', 'lr': 0.01, 'amsgrad': true}",
      "{'type': 'adamax', 'lr': 0.02}",
      "{'type': 'nadam', 'lr': 0.01}",
      "{'type': 'radam', 'lr': 0.01}",
      "{'type': 'qhadam', 'lr': 0.01, 'nus': [0.7, 1.0], 'betas': [0.995, 0.999]}",
      "{'type': 'qhadam', 'lr': 0.01, 'nus': [0.6, 0.8]}",
      "{'type': 'rprop', 'lr': 0.01}",
      "{'type': 'rprop', 'lr': 0.01, 'etas': [0.3, 2.5], 'step_sizes': [0.005, 0.03]}",
      "{'type': 'deltabardelta', 'lr': 0.01, 'kappa': 0.002, 'phi': 0.3, 'theta': 0.6}"};

  static Stream<String> specs() {
    return Stream.of(SPECS);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void floatLoopFollowsDoubleLoop(String spec) throws Exception {
    Run floats = new Run(updater(spec), DataType.FLOAT, false);
    Run doubles = new Run(updater(spec), DataType.DOUBLE, false);
    List<double[]> gradients = gradients(spec.hashCode());
    for (int t = 0; t < STEPS; t++) {
      double[] expected = doubles.step(gradients.get(t), t);
      assertClose(floats.step(gradients.get(t), t), expected, 2e-5, spec + " step " + (t + 1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FLOAT", "DOUBLE"})
  void fallbackForStridedArraysGivesTheKernelsResult(String type) throws Exception {
    DataType dataType = DataType.valueOf(type);
    double tolerance = dataType == DataType.FLOAT ? 2e-5 : 1e-12;
    for (String spec : SPECS) {
      Run kernel = new Run(updater(spec), dataType, false);
      Run fallback = new Run(updater(spec), dataType, true);
      List<double[]> gradients = gradients(spec.hashCode() + 1);
      for (int t = 0; t < STEPS; t++) {
        double[] expected = kernel.step(gradients.get(t), t);
        assertClose(fallback.step(gradients.get(t), t), expected, tolerance, spec + " " + type + " step " + (t + 1));
      }
    }
  }

  private static IUpdater updater(String spec) throws Exception {
    return OptimizerSpecs.toUpdater(JSON.readTree(spec.replace('\'', '"')), null, 1);
  }

  /**
   * Gaussian gradients with magnitudes spread over four decades, exact zeros at every 17th element and, from step to
   * step, a mix of kept and flipped signs (for the sign-driven rules), rounded to float so both loops see one input.
   */
  private static List<double[]> gradients(long seed) {
    Random random = new Random(seed);
    List<double[]> gradients = new ArrayList<>();
    for (int t = 0; t < STEPS; t++) {
      double[] g = new double[LENGTH];
      for (int i = 0; i < LENGTH; i++) {
        double magnitude = Math.pow(10, -2 + 4 * ((i * 7919) % 101) / 100.0);
        g[i] = i % 17 == 0 ? 0 : (float) (random.nextGaussian() * magnitude);
      }
      gradients.add(g);
    }
    return gradients;
  }

  /** Close relative to each element, with a floor of the same fraction of the update's root mean square. */
  private static void assertClose(double[] actual, double[] expected, double relative, String what) {
    double sumOfSquares = 0;
    for (double e : expected) {
      sumOfSquares += e * e;
    }
    double floor = relative * Math.sqrt(sumOfSquares / expected.length);
    assertThat(floor).as(what + ": updates all zero").isPositive();
    for (int i = 0; i < expected.length; i++) {
      double bound = relative * Math.abs(expected[i]) + floor;
      assertThat(Math.abs(actual[i] - expected[i])).as("%s, element %d: %s vs %s", what, i, actual[i], expected[i])
          .isLessThanOrEqualTo(bound);
    }
  }

  /** One updater on arrays of one type: contiguous, or with the gradient a strided view (every other element). */
  private static final class Run {
    private final GradientUpdater<?> updater;
    private final DataType type;
    private final boolean strided;

    Run(IUpdater config, DataType type, boolean strided) {
      long size = config.stateSize(LENGTH);
      this.updater = config.instantiate(size == 0 ? null : Nd4j.zeros(type, 1, size), true);
      this.type = type;
      this.strided = strided;
    }

    double[] step(double[] values, int iteration) {
      INDArray source = Nd4j.createFromArray(values).castTo(type).reshape(1, LENGTH);
      INDArray gradient = strided
          ? Nd4j.zeros(type, 1, 2L * LENGTH).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 2L * LENGTH))
          : Nd4j.zeros(type, 1, LENGTH);
      gradient.assign(source);
      List<INDArray> arrays = new ArrayList<>(List.of(gradient));
      arrays.addAll(updater.getState().values());
      assertThat(HeapChunks.supports(arrays.toArray(INDArray[]::new))).as("kernel path").isEqualTo(!strided);
      updater.applyUpdater(gradient, iteration, 0);
      return gradient.toDoubleVector();
    }
  }
}
