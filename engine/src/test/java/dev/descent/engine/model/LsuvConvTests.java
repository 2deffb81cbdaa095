package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.init.Lsuv;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LSUV on a CNN built from a spec on {@code digits}: after the data-dependent init (on a seeded batch of training
 * images) the pre-activation output of every convolution (all samples, channels and positions) and every dense and
 * output layer has variance 1 within tolerance on the held-out validation images, which plain orthogonal init does
 * not give. The same holds for the weight layers inside {@code residual} blocks, each measured on what the block's
 * earlier inner layers make of its input.
 */
class LsuvConvTests {
  /** What the spec asks LSUV for on its training batch. */
  private static final double LSUV_TOLERANCE = 0.05;
  /** What must hold on images LSUV never saw. */
  private static final double HELD_OUT_TOLERANCE = 0.1;
  /** LSUV at its default tolerance 0.1 on the training batch, measured on held-out images. */
  private static final double TRIGGERED_TOLERANCE = 0.2;
  /** conv2d, maxpool2d, weightnorm_conv2d, dense, weightnorm_dense, output (flatten adds no layer). */
  private static final int[] SCALED = {0, 2, 3, 4, 5};
  private static final int LAYERS = 6;
  /**
   * conv2d, residual[conv2d, batchnorm, conv2d, batchnorm], maxpool2d, dense, residual[dense, dense], output
   * (flatten adds no layer).
   */
  private static final int[] RESIDUAL_SCALED = {0, 3, 5};
  private static final int CONV_BLOCK = 1;
  private static final int DENSE_BLOCK = 4;
  private static final int[] CONV_BLOCK_SCALED = {0, 2};
  private static final int[] DENSE_BLOCK_SCALED = {0, 1};

  private static TrainingSpec spec(String init) {
    return SpecParser.parse("{\"seed\":11,\"dataset\":{\"name\":\"digits\"},\"model\":{\"weightInit\":" + init
        + ",\"layers\":[{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\"},"
        + "{\"type\":\"maxpool2d\",\"kernel\":2},"
        + "{\"type\":\"weightnorm_conv2d\",\"filters\":6,\"kernel\":3,\"activation\":\"tanh\"},"
        + "{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":16},{\"type\":\"weightnorm_dense\",\"units\":12},"
        + "{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
  }

  /** A CNN with a block of convolutions and batch norms, and a block of dense layers after the flatten. */
  private static TrainingSpec residualSpec(String init) {
    return residualSpec(init, "");
  }

  /** {@link #residualSpec(String)} with {@code innerField} added to the first dense layer inside a block. */
  private static TrainingSpec residualSpec(String init, String innerField) {
    String conv = "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"}";
    return SpecParser.parse("{\"seed\":11,\"dataset\":{\"name\":\"digits\"},\"model\":{\"weightInit\":" + init
        + ",\"layers\":[{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\"},"
        + "{\"type\":\"residual\",\"layers\":[" + conv + ",{\"type\":\"batchnorm\",\"activation\":\"relu\"},"
        + conv + ",{\"type\":\"batchnorm\"}]},"
        + "{\"type\":\"maxpool2d\",\"kernel\":2},{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":16},"
        + "{\"type\":\"residual\",\"activation\":\"tanh\",\"layers\":[{\"type\":\"dense\",\"units\":16,"
        + "\"activation\":\"tanh\"" + innerField + "},{\"type\":\"dense\",\"units\":16,\"activation\":\"identity\"}]},"
        + "{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
  }

  /** The network {@code spec} builds with its data-dependent init, and the held-out validation images. */
  private record Built(MultiLayerNetwork network, INDArray heldOut) {
    static Built of(TrainingSpec spec) {
      TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
      return new Built(NetworkFactory.build(spec, 1, data.train()), data.validation().toDataSet().getFeatures());
    }

    List<Double> variances() {
      List<Double> out = new ArrayList<>();
      for (int layer = 0; layer < network.getnLayers(); layer++) {
        out.add(Lsuv.outputVariance(network, layer, heldOut));
      }
      return out;
    }

    List<Double> innerVariances(int block) {
      return Arrays.stream(Lsuv.innerOutputVariances(network, block, heldOut)).boxed().toList();
    }
  }

  private static List<Double> variances(String init) {
    return Built.of(spec(init)).variances();
  }

  @Test
  void everyConvolutionAndDenseLayerHasUnitOutputVarianceOnHeldOutImages() {
    List<Double> lsuv = variances("{\"type\":\"lsuv\",\"tolerance\":" + LSUV_TOLERANCE + "}");
    List<Double> orthogonal = variances("\"orthogonal\"");

    assertThat(lsuv).hasSize(LAYERS);
    assertThat(lsuv.get(1)).as("pooling is passed through").isNaN();
    for (int layer : SCALED) {
      assertThat(lsuv.get(layer)).as("layer " + layer + " " + lsuv).isCloseTo(1.0, within(HELD_OUT_TOLERANCE));
    }
    assertThat(orthogonal.stream().filter(v -> !v.isNaN()).filter(v -> Math.abs(v - 1) > HELD_OUT_TOLERANCE))
        .as("without LSUV " + orthogonal).isNotEmpty();
  }

  @Test
  void theWeightLayersInsideResidualBlocksHaveUnitOutputVarianceOnHeldOutImages() {
    Built lsuv = Built.of(residualSpec("{\"type\":\"lsuv\",\"tolerance\":" + LSUV_TOLERANCE + "}"));
    Built orthogonal = Built.of(residualSpec("\"orthogonal\""));

    List<Double> outer = lsuv.variances();
    assertThat(outer.get(CONV_BLOCK)).as("a block is measured by its inner layers").isNaN();
    for (int layer : RESIDUAL_SCALED) {
      assertThat(outer.get(layer)).as("layer " + layer + " " + outer).isCloseTo(1.0, within(HELD_OUT_TOLERANCE));
    }
    assertUnitVariance(lsuv.innerVariances(CONV_BLOCK), CONV_BLOCK_SCALED);
    assertUnitVariance(lsuv.innerVariances(DENSE_BLOCK), DENSE_BLOCK_SCALED);
    assertThat(lsuv.innerVariances(CONV_BLOCK).get(1)).as("batch norm is passed through").isNaN();
    assertThat(Stream.concat(orthogonal.innerVariances(CONV_BLOCK).stream(),
        orthogonal.innerVariances(DENSE_BLOCK).stream()).filter(v -> Math.abs(v - 1) > HELD_OUT_TOLERANCE))
        .as("without LSUV").isNotEmpty();
  }

  @Test
  void aLayerInsideABlockAskingForLsuvStartsItForTheWholeNetwork() {
    Built built = Built.of(residualSpec("\"orthogonal\"", ",\"weightInit\":\"lsuv\""));

    List<Double> outer = built.variances();
    for (int layer : RESIDUAL_SCALED) {
      assertThat(outer.get(layer)).as("layer " + layer + " " + outer).isCloseTo(1.0, within(TRIGGERED_TOLERANCE));
    }
    assertThat(built.innerVariances(CONV_BLOCK).get(0)).isCloseTo(1.0, within(TRIGGERED_TOLERANCE));
    assertThat(built.innerVariances(DENSE_BLOCK).get(0)).isCloseTo(1.0, within(TRIGGERED_TOLERANCE));
  }

  private static void assertUnitVariance(List<Double> inner, int[] scaled) {
    for (int layer : scaled) {
      assertThat(inner.get(layer)).as("inner layer " + layer + " " + inner).isCloseTo(1.0, within(HELD_OUT_TOLERANCE));
    }
  }
}
