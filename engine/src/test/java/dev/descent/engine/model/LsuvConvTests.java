package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.init.Lsuv;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LSUV on a CNN built from a spec on {@code digits}: after the data-dependent init (on a seeded batch of training
 * images) the pre-activation output of every convolution (all samples, channels and positions) and every dense and
 * output layer has variance 1 within tolerance on the held-out validation images, which plain orthogonal init does
 * not give.
 */
class LsuvConvTests {
  /** What the spec asks LSUV for on its training batch. */
  private static final double LSUV_TOLERANCE = 0.05;
  /** What must hold on images LSUV never saw. */
  private static final double HELD_OUT_TOLERANCE = 0.1;
  /** conv2d, maxpool2d, weightnorm_conv2d, dense, weightnorm_dense, output (flatten adds no layer). */
  private static final int[] SCALED = {0, 2, 3, 4, 5};
  private static final int LAYERS = 6;

  private static TrainingSpec spec(String init) {
    return SpecParser.parse("{\"seed\":11,\"dataset\":{\"name\":\"digits\"},\"model\":{\"weightInit\":" + init
        + ",\"layers\":[{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\"},"
        + "{\"type\":\"maxpool2d\",\"kernel\":2},"
        + "{\"type\":\"weightnorm_conv2d\",\"filters\":6,\"kernel\":3,\"activation\":\"tanh\"},"
        + "{\"type\":\"flatten\"},{\"type\":\"dense\",\"units\":16},{\"type\":\"weightnorm_dense\",\"units\":12},"
        + "{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
  }

  private static List<Double> variances(String init) {
    TrainingSpec spec = spec(init);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    MultiLayerNetwork network = NetworkFactory.build(spec, 1, data.train());
    INDArray heldOut = data.validation().toDataSet().getFeatures();
    List<Double> out = new ArrayList<>();
    for (int layer = 0; layer < network.getnLayers(); layer++) {
      out.add(Lsuv.outputVariance(network, layer, heldOut));
    }
    return out;
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
}
