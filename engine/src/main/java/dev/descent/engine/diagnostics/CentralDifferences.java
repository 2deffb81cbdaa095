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

  /** How many entries {@link #check} would check with {@code samples} per block. */
  static long entries(MultiLayerNetwork net, int samples) {
    return net.paramTable().entrySet().stream().filter(e -> !isState(e.getKey()))
        .mapToLong(e -> Math.min(e.getValue().length(), samples)).sum();
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
    Worst worst = null;
    for (int i : indices) {
      long flat = offset + i;
      double original = params.getDouble(flat);
      params.putScalar(flat, original + settings.epsilon());
      double plus = net.score(batch, true);
      params.putScalar(flat, original - settings.epsilon());
      double minus = net.score(batch, true);
      params.putScalar(flat, original);
      Worst entry = new Worst(i, gradient.getDouble(flat), (plus - minus) / (2 * settings.epsilon()));
      if (worst == null || entry.isWorseThan(worst)) {
        worst = entry;
      }
    }
    return new BlockCheck(name(key), size, indices.length, worst.relativeError(), worst.index(), worst.analytic(),
        worst.numeric(), worst.effectiveError() <= settings.tolerance());
  }

  /**
   * One checked entry. Its effective error is its relative error, or 0 where the absolute difference is below
   * {@link #MIN_ABSOLUTE_ERROR} (as DL4J's {@code GradientCheckUtil}); the worst entry has the largest effective
   * error, ties broken by the relative error, so a block whose differences are all negligible still shows its largest.
   */
  private record Worst(long index, double analytic, double numeric) {
    double relativeError() {
      double absolute = Math.abs(analytic - numeric);
      return absolute == 0 ? 0 : absolute / (Math.abs(analytic) + Math.abs(numeric));
    }

    double effectiveError() {
      return Math.abs(analytic - numeric) < MIN_ABSOLUTE_ERROR ? 0 : relativeError();
    }

    boolean isWorseThan(Worst other) {
      int byEffective = Double.compare(effectiveError(), other.effectiveError());
      return byEffective != 0 ? byEffective > 0 : relativeError() > other.relativeError();
    }
  }

  /** Every index when the block has at most {@code samples} entries, else {@code samples} distinct ones, sorted. */
  private static int[] indices(int size, int samples, Random random) {
    if (size <= samples) {
      return IntStream.range(0, size).toArray();
    }
    return random.ints(0, size).distinct().limit(samples).sorted().toArray();
  }

  /** DL4J's {@code 0_W} (and a residual block's {@code 2_0-W}) as {@code 0:W} ({@code 2:0-W}). */
  private static String name(String key) {
    int cut = key.indexOf('_');
    return cut < 0 ? key : key.substring(0, cut) + ":" + key.substring(cut + 1);
  }

  private static boolean isState(String key) {
    return key.endsWith(BatchNormParamInitializer.RUNNING_MEAN) || key.endsWith(BatchNormParamInitializer.RUNNING_VAR);
  }
}
