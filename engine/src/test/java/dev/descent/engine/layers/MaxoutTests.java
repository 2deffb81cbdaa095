package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.init.Lsuv;
import dev.descent.engine.layers.maxout.Maxout;
import dev.descent.engine.layers.maxout.MaxoutLayer;
import dev.descent.engine.layers.maxout.MaxoutParamInitializer;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.DoublePrecision;
import dev.descent.engine.support.GradientChecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link Maxout}: DL4J's double-precision gradient check (every W and b entry, and ∂L/∂x through a maxout layer
 * below another), a {@code ModelSerializer} round trip that keeps {@code pieces} and the layer class and trains on
 * identically, a job spec's network (its parameter count, identity activation), and LSUV on a maxout layer.
 */
@ExtendWith(DoublePrecision.class)
class MaxoutTests {
  private static final int MINIBATCH = 5;

  @ParameterizedTest(name = "units {0}, pieces {1}, stacked {2}")
  @CsvSource({"3, 2, false", "4, 3, false", "2, 1, false", "3, 4, true"})
  void analyticGradientsMatchFiniteDifferences(int units, int pieces, boolean stacked) {
    MultiLayerNetwork net = network(units, pieces, stacked, new NoOp());
    INDArray x = TestNetworks.features(false, MINIBATCH, 7);
    assertThat(GradientChecks.passes(net, x, TestNetworks.labels(MINIBATCH, 7)))
        .as("gradient check, units %d pieces %d", units, pieces).isTrue();
  }

  @Test
  void aRestoredNetworkKeepsPiecesAndTrainsOnIdentically() throws IOException {
    MultiLayerNetwork net = network(4, 3, true, new Adam(0.05));
    INDArray x = TestNetworks.features(false, MINIBATCH, 3);
    INDArray y = TestNetworks.labels(MINIBATCH, 3);
    for (int step = 0; step < 3; step++) {
      net.fit(TestNetworks.features(false, MINIBATCH, 100 + step), TestNetworks.labels(MINIBATCH, step));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, true);
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);

    assertThat(restored.getLayer(0)).isInstanceOf(MaxoutLayer.class);
    assertThat(((Maxout) restored.getLayer(0).conf().getLayer()).getPieces()).isEqualTo(3);
    assertThat(restored.getLayer(0).getParam(MaxoutParamInitializer.WEIGHT).shape()).containsExactly(12, 4);
    assertThat(restored.output(x, false)).isEqualTo(net.output(x, false));
    net.fit(x, y);
    restored.fit(x, y);
    assertThat(restored.params()).isEqualTo(net.params());
  }

  @Test
  void aJobSpecsParameterCountIsTheNetworks() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":["
        + "{\"type\":\"maxout\",\"units\":5,\"pieces\":3},{\"type\":\"output\"}]},\"epochs\":1}",
        EngineLimits.DEFAULTS);
    MultiLayerNetwork net = NetworkFactory.build(spec, 1);
    assertThat(net.numParams()).isEqualTo(SpecParser.parameterCount(spec)).isEqualTo((4 + 1) * 15 + 5 * 3 + 3);
    assertThat(net.getLayer(0)).isInstanceOf(MaxoutLayer.class);
    assertThat(((Maxout) net.getLayer(0).conf().getLayer()).getActivationFn())
        .as("the max is the nonlinearity, not the network's default activation").isInstanceOf(ActivationIdentity.class);
  }

  @Test
  void lsuvScalesAMaxoutLayerToUnitOutputVariance() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"wine\"},\"model\":{\"weightInit\":\"lsuv\","
        + "\"layers\":[{\"type\":\"maxout\",\"units\":8,\"pieces\":3},{\"type\":\"output\"}]},\"epochs\":1}",
        EngineLimits.DEFAULTS);
    Samples train = TrainingData.prepare(spec.dataset(), spec.seed()).train();
    MultiLayerNetwork net = NetworkFactory.build(spec, 1, train);
    INDArray batch = train.toDataSet().getFeatures();
    assertThat(Lsuv.outputVariance(net, 0, batch)).isCloseTo(1.0, within(Lsuv.DEFAULT_TOLERANCE));
  }

  private static MultiLayerNetwork network(int units, int pieces, boolean stacked,
      org.nd4j.linalg.learning.config.IUpdater updater) {
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(42)
        .dataType(DataType.DOUBLE).updater(updater).weightInit(WeightInit.XAVIER).list()
        .layer(new Maxout.Builder().nOut(units).pieces(pieces).build());
    if (stacked) {
      list.layer(new Maxout.Builder().nOut(3).pieces(2).biasInit(0.1).build());
    }
    list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(TestNetworks.CLASSES)
        .activation(Activation.SOFTMAX).build());
    list.setInputType(InputType.feedForward(TestNetworks.FEATURES));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }
}
