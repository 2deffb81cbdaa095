package dev.descent.engine.diagnostics;

import dev.descent.engine.layers.batchnorm.BatchNormParamInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The analytic gradient of a double-precision network against central differences (f(θ + ε) − f(θ − ε)) / 2ε of its
 * training-mode score, entry by entry, as DL4J's {@code GradientCheckUtil} does, but measured per parameter block. The
 * analytic gradient is DL4J's backprop sum divided by the batch size, as its updater divides it before a step.
 * Running statistics (batch norm's {@code runningMean}, {@code runningVar}) are state, not trained, and are skipped.
 */
final class CentralDifferences {
  static final double MIN_ABSOLUTE_ERROR = 1e-9;

  private CentralDifferences() {}

  static List<BlockCheck> check(MultiLayerNetwork net, DataSet batch, CheckSettings settings) {
    return check(net, batch, settings, UnaryOperator.identity());
  }

  /** {@code analytic} may change the analytic gradient before the comparison (tests: a wrong gradient must fail). */
  static List<BlockCheck> check(MultiLayerNetwork net, DataSet batch, CheckSettings settings,
      UnaryOperator<INDArray> analytic) {
    net.setInput(batch.getFeatures());
    net.setLabels(batch.getLabels());
    net.computeGradientAndScore();
    INDArray gradient = net.gradient().gradient().dup();
    if (net.getLayerWiseConfigurations().getConfs().get(0).isMiniBatch()) {
      gradient.divi(batch.numExamples()); // DL4J's updater averages the summed gradient; the score is the mean
    }
    gradient = analytic.apply(gradient);
    INDArray saved = net.params().dup();
    List<BlockCheck> out = new ArrayList<>();
    long offset = 0;
    int blockIndex = 0;
    for (Map.Entry<String, INDArray> block : net.paramTable().entrySet()) {
      long size = block.getValue().length();
      if (!isState(block.getKey())) {
        out.add(block(net, batch, gradient, offset, block.getKey(), size,
            new Random(settings.seed() + blockIndex), settings));
      }
      offset += size;
      blockIndex++;
    }
    net.setParams(saved);
    return out;
  }

  private static BlockCheck block(MultiLayerNetwork net, DataSet batch, INDArray gradient, long offset, String key,
      long size, Random random, CheckSettings settings) {
    int[] indices = indices((int) size, settings.samples(), random);
    INDArray params = net.params();
    double worst = -1;
    long worstIndex = 0;
    double worstAnalytic = 0;
    double worstNumeric = 0;
    for (int i : indices) {
      long flat = offset + i;
      double original = params.getDouble(flat);
      params.putScalar(flat, original + settings.epsilon());
      double plus = net.score(batch, true);
      params.putScalar(flat, original - settings.epsilon());
      double minus = net.score(batch, true);
      params.putScalar(flat, original);
      double numeric = (plus - minus) / (2 * settings.epsilon());
      double a = gradient.getDouble(flat);
      double error = relativeError(a, numeric);
      if (error > worst) {
        worst = error;
        worstIndex = i;
        worstAnalytic = a;
        worstNumeric = numeric;
      }
    }
    return new BlockCheck(name(key), size, indices.length, worst, worstIndex, worstAnalytic, worstNumeric,
        worst <= settings.tolerance());
  }

  static double relativeError(double analytic, double numeric) {
    double absolute = Math.abs(analytic - numeric);
    if (absolute < MIN_ABSOLUTE_ERROR) {
      return 0;
    }
    return absolute / (Math.abs(analytic) + Math.abs(numeric));
  }

  /** Every index when the block has at most {@code samples} entries, else {@code samples} distinct ones, sorted. */
  private static int[] indices(int size, int samples, Random random) {
    if (size <= samples) {
      return IntStream.range(0, size).toArray();
    }
    return random.ints(0, size).distinct().limit(samples).sorted().toArray();
  }

  /** DL4J's {@code 0_W} (and a residual block's {@code 1_0_W}) as {@code 0:W} ({@code 1:0_W}). */
  private static String name(String key) {
    int cut = key.indexOf('_');
    return cut < 0 ? key : key.substring(0, cut) + ":" + key.substring(cut + 1);
  }

  private static boolean isState(String key) {
    return key.endsWith(BatchNormParamInitializer.RUNNING_MEAN) || key.endsWith(BatchNormParamInitializer.RUNNING_VAR);
  }
}
