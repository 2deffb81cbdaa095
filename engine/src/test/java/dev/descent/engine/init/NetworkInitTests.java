package dev.descent.engine.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;

/** Every scheme inside a real network: seeded reproducibility and a lossless trip through the network's JSON. */
class NetworkInitTests {

  static Stream<IWeightInit> schemes() {
    return Stream.of(
        new FanInUniformInit(0.7),
        new XavierInit(Distribution.UNIFORM, 1.3, 1),
        new XavierInit(Distribution.NORMAL, 1, 0.9),
        new KaimingInit(Distribution.UNIFORM, FanMode.FAN_OUT, "leaky_relu", 0.1, 1.1),
        new KaimingInit(Distribution.NORMAL, FanMode.FAN_IN, "relu", 0, 1),
        new LecunInit(Distribution.UNIFORM, 1),
        new LecunInit(Distribution.NORMAL, 1.2),
        new OrthogonalInit(1.4, 1),
        new SparseInit(7, 0.3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void sameSeedSameWeightsOtherSeedOtherWeights(IWeightInit init) {
    MultiLayerNetwork a = Networks.network(init, 42, Activation.RELU, 30);
    MultiLayerNetwork b = Networks.network(init, 42, Activation.RELU, 30);
    MultiLayerNetwork c = Networks.network(init, 43, Activation.RELU, 30);
    assertThat(a.getLayer(0).getParam("W").neq(0).any()).isTrue();
    assertThat(a.params()).isEqualTo(b.params());
    assertThat(a.params()).isNotEqualTo(c.params());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void configJsonRoundTripKeepsTheSchemeAndItsWeights(IWeightInit init) {
    MultiLayerConfiguration config = Networks.config(init, 5, Activation.TANH, 30);
    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(config.toJson());
    List<IWeightInit> inits = restored.getConfs().stream()
        .map(c -> ((BaseLayer) c.getLayer()).getWeightInitFn())
        .toList();
    assertThat(inits).allSatisfy(restoredInit -> assertThat(restoredInit).isEqualTo(init));
    MultiLayerNetwork original = new MultiLayerNetwork(config);
    original.init();
    MultiLayerNetwork copy = new MultiLayerNetwork(restored);
    copy.init();
    assertThat(copy.params()).isEqualTo(original.params());
  }
}
