package dev.descent.engine.layers.dense;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.support.GradientChecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link Dense} against DL4J's dense layer, whose arithmetic it keeps while doing less of it. */
class DenseLayerTests {
  private static final int FEATURES = 6;

  private static Layer dense(int units, Activation activation, double dropout, Boolean inputGradient) {
    DenseLayer.Builder builder = new DenseLayer.Builder().nOut(units).activation(activation);
    if (dropout > 0) {
      builder.dropOut(1 - dropout);
    }
    return inputGradient == null ? builder.build() : Dense.of(builder.build(), inputGradient);
  }

  /** A 6-8-5-3 network: ours ({@code lean}) or DL4J's dense layers, same seed, same everything else. */
  private static MultiLayerNetwork network(boolean lean, DataType type, double dropout) {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).dataType(type)
        .updater(type == DataType.DOUBLE ? new NoOp() : new Adam(0.01)).list()
        .layer(dense(8, Activation.RELU, 0, lean ? false : null))
        .layer(dense(5, Activation.TANH, dropout, lean ? true : null))
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX)
            .build())
        .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(FEATURES)).build();
    MultiLayerNetwork network = new MultiLayerNetwork(conf);
    network.init();
    return network;
  }

  /** Ten samples from {@code java.util.Random} ({@code Nd4j.randn} ignores ND4J's seed in M2.1). */
  private static DataSet batch(DataType type, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[][] values = new double[10][FEATURES];
    for (double[] row : values) {
      for (int j = 0; j < FEATURES; j++) {
        row[j] = random.nextGaussian();
      }
    }
    INDArray features = Nd4j.create(values).castTo(type);
    INDArray labels = Nd4j.zeros(type, 10, 3);
    for (int i = 0; i < 10; i++) {
      labels.putScalar(i, i % 3, 1);
    }
    return new DataSet(features, labels);
  }

  @Test
  void trainingIsBitIdenticalToDl4jsDenseLayerWithAndWithoutDropout() {
    for (double dropout : new double[] {0, 0.3}) {
      MultiLayerNetwork ours = network(true, DataType.FLOAT, dropout);
      MultiLayerNetwork theirs = network(false, DataType.FLOAT, dropout);
      assertThat(ours.getLayer(0)).isInstanceOf(dev.descent.engine.layers.dense.DenseLayer.class);
      for (int step = 0; step < 20; step++) {
        Nd4j.getRandom().setSeed(100 + step);
        ours.fit(batch(DataType.FLOAT, step));
        Nd4j.getRandom().setSeed(100 + step);
        theirs.fit(batch(DataType.FLOAT, step));
        assertThat(ours.score()).isEqualTo(theirs.score());
      }
      assertThat(ours.params()).as("dropout %s", dropout).isEqualTo(theirs.params());
    }
  }

  @Test
  void analyticGradientsMatchFiniteDifferencesInDoublePrecision() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    MultiLayerNetwork network = network(true, DataType.DOUBLE, 0);
    DataSet data = batch(DataType.DOUBLE, 5);
    boolean passed = GradientChecks.passes(network, data.getFeatures(), data.getLabels());
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    assertThat(passed).isTrue();
  }

  @Test
  void theFirstLayerPassesNoInputGradientTheOthersDo() {
    MultiLayerNetwork network = network(true, DataType.DOUBLE, 0);
    DataSet data = batch(DataType.DOUBLE, 6);
    assertThat(network.calculateGradients(data.getFeatures(), data.getLabels(), null, null).getSecond()).isNull();
    MultiLayerNetwork dl4j = network(false, DataType.DOUBLE, 0);
    assertThat(dl4j.calculateGradients(data.getFeatures(), data.getLabels(), null, null).getSecond()).isNotNull();
  }

  @Test
  void aCheckpointRestoresTheLayerAndItsSetting() throws IOException {
    MultiLayerNetwork network = network(true, DataType.FLOAT, 0);
    network.fit(batch(DataType.FLOAT, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(network, bytes, true);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
        new ByteArrayInputStream(bytes.toByteArray()), true);
    assertThat(((Dense) restored.getLayer(0).conf().getLayer()).isInputGradient()).isFalse();
    assertThat(((Dense) restored.getLayer(1).conf().getLayer()).isInputGradient()).isTrue();
    INDArray input = batch(DataType.FLOAT, 2).getFeatures();
    assertThat(restored.output(input)).isEqualTo(network.output(input));
    restored.fit(batch(DataType.FLOAT, 3));
    network.fit(batch(DataType.FLOAT, 3));
    assertThat(restored.params()).isEqualTo(network.params());
  }
}
