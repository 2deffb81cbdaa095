package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Small CNNs built from specs, one per normalization layer: they train on {@code bars} and survive a checkpoint. */
class ConvNetworkTests {
  private static final int EPOCHS = 6;
  private static final double CHANCE = 0.25;
  /** Each normalization layer with the convolution it follows. */
  private static final Map<String, String> NORMS = Map.of(
      "{\"type\":\"batchnorm\",\"activation\":\"relu\"}", "conv2d",
      "{\"type\":\"groupnorm\",\"groups\":2,\"activation\":\"relu\"}", "weightnorm_conv2d",
      "{\"type\":\"instancenorm\",\"activation\":\"relu\"}", "conv2d",
      "{\"type\":\"layernorm\",\"activation\":\"relu\"}", "weightnorm_conv2d");

  private static TrainingSpec spec(String norm, String conv) {
    return SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"bars\"},\"model\":{\"layers\":["
        + "{\"type\":\"" + conv + "\",\"filters\":4,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"},"
        + norm + ",{\"type\":\"maxpool2d\",\"kernel\":2},{\"type\":\"dropout\",\"rate\":0.1},{\"type\":\"flatten\"},"
        + "{\"type\":\"weightnorm_dense\",\"units\":8},{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.02},\"epochs\":" + EPOCHS
        + ",\"batchSize\":16}", EngineLimits.DEFAULTS);
  }

  @TestFactory
  Stream<DynamicTest> eachNormTrainsBetterThanChanceAndRoundTrips() {
    return NORMS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getValue() + " + " + e.getKey(),
        () -> trainAndRestore(spec(e.getKey(), e.getValue()))));
  }

  @Test
  void aNormalizationLayerFirstSeesTheImages() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"digits\"},\"model\":{\"layers\":["
        + "{\"type\":\"instancenorm\"},{\"type\":\"conv2d\",\"filters\":2,\"kernel\":3},{\"type\":\"globalavgpool\"},"
        + "{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
    MultiLayerNetwork network = NetworkFactory.build(spec, 1);
    INDArray constantImages = Nd4j.ones(DataType.FLOAT, 3, 64);
    INDArray normalized = network.feedForwardToLayer(0, constantImages, false).get(1);
    assertThat(normalized.shape()).containsExactly(3, 1, 8, 8);
    assertThat(normalized.maxNumber().doubleValue()).isEqualTo(0.0);
    assertThat(network.output(constantImages).shape()).containsExactly(3, 10);
  }

  private static void trainAndRestore(TrainingSpec spec) throws IOException {
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    MultiLayerNetwork network = NetworkFactory.build(spec, 1);
    assertThat(network.numParams()).isEqualTo(SpecParser.parameterCount(spec));
    DataSet train = data.train().toDataSet();
    for (int epoch = 0; epoch < spec.epochs(); epoch++) {
      train.shuffle(epoch);
      network.fit(new ListDataSetIterator<>(train.asList(), spec.batchSize()));
    }
    DataSet validation = data.validation().toDataSet();
    double accuracy = network.evaluate(new ListDataSetIterator<>(validation.asList(), 64)).accuracy();
    assertThat(accuracy).isGreaterThan(2 * CHANCE);
    INDArray before = network.output(validation.getFeatures(), false);
    assertThat(restore(network).output(validation.getFeatures(), false)).isEqualTo(before);
  }

  private static MultiLayerNetwork restore(MultiLayerNetwork network) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, bytes, true);
    return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
  }
}
