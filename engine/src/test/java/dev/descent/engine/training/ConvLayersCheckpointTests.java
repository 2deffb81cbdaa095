package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.layers.conv.Conv2d;
import dev.descent.engine.layers.conv.Pool2d;
import dev.descent.engine.layers.weightnorm.WeightNormConvolution;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints of networks with our {@link Conv2d} and {@link Pool2d}: a CNN job (convolutions with and without
 * activation, batch norm, max and average pooling, a weight-normalized convolution, a residual block of convolutions,
 * an EMA Polyak average) writes checkpoints that restore with our layer classes and give bit-identical outputs after
 * a second round trip; the Polyak average restores too. A checkpoint holding DL4J's own convolution and subsampling
 * layers (what jobs wrote before) still restores, keeps DL4J's classes, predicts the same and keeps training.
 */
class ConvLayersCheckpointTests {
  private static final String CONV = "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\","
      + "\"activation\":\"identity\"}";

  @Test
  void aCnnJobsCheckpointsRoundTripWithOurLayers() {
    TrainingSpec spec = SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"digits\",\"validationSplit\":0.2},"
        + "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":1,"
        + "\"activation\":\"tanh\"},{\"type\":\"batchnorm\",\"activation\":\"relu\"},"
        + "{\"type\":\"residual\",\"layers\":[" + CONV + ",{\"type\":\"batchnorm\",\"activation\":\"relu\"},"
        + CONV + "]},{\"type\":\"maxpool2d\",\"kernel\":2},"
        + "{\"type\":\"weightnorm_conv2d\",\"filters\":5,\"kernel\":2,\"activation\":\"relu\"},"
        + "{\"type\":\"avgpool2d\",\"kernel\":3},{\"type\":\"flatten\"},{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2,\"batchSize\":32,"
        + "\"averaging\":[{\"type\":\"ema\",\"decay\":0.9}]}", EngineLimits.DEFAULTS);
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(spec, rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    MultiLayerNetwork restored = NetworkSnapshots.read(LoopSpecs.last(rec.checkpoints, "final").content());
    assertThat(layerClasses(restored)).contains(Conv2d.class, Pool2d.class, WeightNormConvolution.class)
        .doesNotContain(ConvolutionLayer.class, SubsamplingLayer.class);
    INDArray images = Nd4j.rand(DataType.FLOAT, 7, 64);
    assertRoundTripIdentical(restored, images);
    MultiLayerNetwork average = NetworkSnapshots.read(LoopSpecs.last(rec.checkpoints, "polyak-ema").content());
    assertThat(average.params()).isNotEqualTo(restored.params());
    assertRoundTripIdentical(average, images);
    assertThat(outcome.finalMetrics()).containsKey("val_loss@polyak-ema");
  }

  @Test
  void aCheckpointWithDl4jsConvolutionStillRestoresAndTrains() {
    MultiLayerNetwork old = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.FLOAT)
        .list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(8, 8, 1)).build());
    old.init();
    INDArray images = Nd4j.rand(DataType.FLOAT, 6, 1, 8, 8);
    MultiLayerNetwork restored = NetworkSnapshots.read(NetworkSnapshots.write(old));
    assertThat(layerClasses(restored)).containsExactly(ConvolutionLayer.class, SubsamplingLayer.class,
        OutputLayer.class);
    assertThat(restored.output(images)).isEqualTo(old.output(images));
    INDArray before = restored.params().dup();
    restored.fit(images, Nd4j.eye(3).getRows(0, 1, 2, 0, 1, 2).castTo(DataType.FLOAT));
    assertThat(restored.params()).isNotEqualTo(before);
  }

  private static void assertRoundTripIdentical(MultiLayerNetwork network, INDArray input) {
    MultiLayerNetwork again = NetworkSnapshots.read(NetworkSnapshots.write(network));
    assertThat(again.getLayerWiseConfigurations().toJson()).isEqualTo(network.getLayerWiseConfigurations().toJson());
    assertThat(again.params()).isEqualTo(network.params());
    assertThat(again.output(input)).isEqualTo(network.output(input));
  }

  private static List<Class<?>> layerClasses(MultiLayerNetwork network) {
    return network.getLayerWiseConfigurations().getConfs().stream()
        .map(conf -> conf.getLayer()).map(Layer::getClass).<Class<?>>map(c -> c).toList();
  }
}
