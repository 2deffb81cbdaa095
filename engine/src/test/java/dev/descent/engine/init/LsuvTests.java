package dev.descent.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** LSUV leaves every layer's output variance within tolerance on a batch it never saw. */
class LsuvTests {
  private static final int INPUTS = 40;
  private static final double TOLERANCE = 0.1;

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "TANH"})
  void everyLayerHasUnitVarianceOnAHeldOutBatch(Activation hidden) {
    MultiLayerNetwork network = Networks.network(new OrthogonalInit(), 9, hidden, INPUTS);
    INDArray training = batch(1);
    INDArray heldOut = batch(2);
    assertThat(Math.abs(variance(network, 0, heldOut) - 1)).isGreaterThan(TOLERANCE);

    double[] reached = new Lsuv(TOLERANCE, Lsuv.DEFAULT_MAX_ITERATIONS).apply(network, training);

    for (int layer = 0; layer < network.getnLayers(); layer++) {
      assertThat(reached[layer]).isCloseTo(1.0, Offset.offset(TOLERANCE));
      assertThat(variance(network, layer, heldOut)).isCloseTo(1.0, Offset.offset(TOLERANCE));
    }
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new Lsuv(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lsuv(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Inputs whose features have standard deviation 4 and mean 1, far from what the network expects. */
  private static INDArray batch(long seed) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.randn(DataType.DOUBLE, 2000, INPUTS).muli(4).addi(1);
  }

  private static double variance(MultiLayerNetwork network, int layer, INDArray batch) {
    INDArray input = network.feedForwardToLayer(layer, batch, false).get(layer);
    return Lsuv.outputVariance(network.getLayer(layer), network.getLayer(layer).getParam("W"), input);
  }
}
