package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import dev.descent.engine.support.DoublePrecision;
import dev.descent.engine.support.GradientChecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The normalization layers inside a {@code ComputationGraph} residual block, {@code y = conv(x) + norm(conv(x))},
 * followed by global average pooling and a softmax output: DL4J's gradient check passes, and a save/restore round trip
 * after training gives identical outputs.
 */
@ExtendWith(DoublePrecision.class)
class NormalizationGraphTests {
  private static final int MINIBATCH = 3;
  /** Entries checked per parameter array, sampled by DL4J's subset mode. */
  private static final int MAX_PER_PARAM = 16;

  static Stream<Arguments> norms() {
    return Stream.of(
        Arguments.of("batch norm", (Supplier<Layer>) () -> new BatchNorm.Builder().build()),
        Arguments.of("layer norm", (Supplier<Layer>) () -> new LayerNorm.Builder().build()),
        Arguments.of("group norm", (Supplier<Layer>) () -> new GroupNorm.Builder().groups(2).build()),
        Arguments.of("instance norm", (Supplier<Layer>) () -> new InstanceNorm.Builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("norms")
  void gradientCheckPassesInAResidualBlock(String name, Supplier<Layer> norm) {
    ComputationGraph graph = residualGraph(norm.get(), new NoOp());
    boolean passed = GradientChecks.passesSampled(graph, TestNetworks.features(true, MINIBATCH, 5),
        TestNetworks.labels(MINIBATCH, 5), MAX_PER_PARAM);
    assertThat(passed).as("gradient check of " + name + " in a residual block").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("norms")
  void roundTripKeepsOutputs(String name, Supplier<Layer> norm) throws IOException {
    ComputationGraph graph = residualGraph(norm.get(), new Sgd(0.1));
    for (int step = 0; step < 3; step++) {
      graph.fit(new INDArray[] {TestNetworks.features(true, MINIBATCH, step)},
          new INDArray[] {TestNetworks.labels(MINIBATCH, step)});
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(graph, bytes, true);
    ComputationGraph restored =
        ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
    INDArray x = TestNetworks.features(true, MINIBATCH, 9);
    assertThat(restored.outputSingle(false, x)).isEqualTo(graph.outputSingle(false, x));
  }

  private static ComputationGraph residualGraph(Layer norm, IUpdater updater) {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(11).dataType(DataType.DOUBLE)
        .updater(updater).graphBuilder()
        .addInputs("in")
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
            .activation(Activation.TANH).build(), "in")
        .addLayer("norm", norm, "conv")
        .addVertex("residual", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv", "norm")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "residual")
        .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(TestNetworks.CLASSES)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("out")
        .setInputTypes(InputType.convolutional(TestNetworks.IMAGE_SIZE, TestNetworks.IMAGE_SIZE, 1))
        .build();
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    return graph;
  }
}
