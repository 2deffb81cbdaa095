package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.conv.Conv2d;
import dev.descent.engine.layers.conv.Pool2d;
import dev.descent.engine.support.DoublePrecision;
import dev.descent.engine.support.GradientChecks;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's double-precision gradient check of small networks built from {@link Conv2d} and {@link Pool2d}: every
 * parameter's analytic gradient (and so every ∂L/∂x passed down through the layers) against central differences,
 * over strides, explicit and same padding, dilation, no bias, non-identity activations (the kept pre-activation),
 * max and average pooling with and without counted padding, in NCHW and NHWC.
 */
@ExtendWith(DoublePrecision.class)
class ConvPoolGradientCheckTests {
  private static final int MINIBATCH = 3;
  private static final int SIDE = 7;
  private static final int CHANNELS = 2;

  static Stream<Arguments> cases() {
    return Stream.of(CNN2DFormat.NCHW, CNN2DFormat.NHWC).flatMap(format -> Stream.of(
        of("conv 3x3 pad 1 tanh + max pool 2", format, f -> new Layer[] {
            conv(f, 3, 3).padding(1, 1).nOut(3).activation(Activation.TANH).build(), pool(f, PoolingType.MAX, 2)}),
        of("conv 3x2 stride 2 no bias sigmoid", format, f -> new Layer[] {
            conv(f, 3, 2).stride(2, 2).hasBias(false).nOut(4).activation(Activation.SIGMOID).build()}),
        of("conv dilation 2 same mode + avg pool 3 pad 1 counted", format, f -> new Layer[] {
            conv(f, 3, 3).dilation(2, 2).convolutionMode(ConvolutionMode.Same).nOut(3).build(),
            avgPool(f, true)}),
        of("two convs, avg pool 3 pad 1 not counted, softplus", format, f -> new Layer[] {
            conv(f, 2, 2).nOut(3).activation(Activation.SOFTPLUS).build(), avgPool(f, false),
            conv(f, 1, 1).nOut(2).activation(Activation.TANH).build()}),
        of("max pool 3 stride 2 pad 1 then conv", format, f -> new Layer[] {
            new Pool2d.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2).padding(1, 1)
                .dataFormat(f).build(), conv(f, 2, 2).nOut(3).activation(Activation.TANH).build()})));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void analyticGradientsMatchFiniteDifferences(String name, CNN2DFormat format, Function<CNN2DFormat, Layer[]> layers) {
    MultiLayerNetwork net = network(format, layers.apply(format));
    INDArray features = Nd4j.randn(DataType.DOUBLE, MINIBATCH, CHANNELS, SIDE, SIDE).muli(1.5);
    if (format == CNN2DFormat.NHWC) {
      features = features.permute(0, 2, 3, 1).dup('c');
    }
    boolean passed = GradientChecks.passes(net, features, TestNetworks.labels(MINIBATCH, 5));
    assertThat(passed).as("gradient check of " + name + " " + format).isTrue();
  }

  private static MultiLayerNetwork network(CNN2DFormat format, Layer... layers) {
    Nd4j.getRandom().setSeed(42);
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(42)
        .dataType(DataType.DOUBLE).updater(new NoOp()).weightInit(WeightInit.XAVIER).list();
    for (Layer layer : layers) {
      list.layer(layer);
    }
    list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(TestNetworks.CLASSES)
        .activation(Activation.SOFTMAX).build());
    list.setInputType(InputType.convolutional(SIDE, SIDE, CHANNELS, format));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  private static Conv2d.Builder conv(CNN2DFormat format, int kh, int kw) {
    Conv2d.Builder builder = new Conv2d.Builder(kh, kw);
    builder.dataFormat(format).activation(Activation.IDENTITY);
    return builder;
  }

  private static Layer pool(CNN2DFormat format, PoolingType type, int size) {
    return new Pool2d.Builder(type).kernelSize(size, size).stride(size, size).dataFormat(format).build();
  }

  private static Layer avgPool(CNN2DFormat format, boolean countIncludePad) {
    return new Pool2d.Builder(PoolingType.AVG).countIncludePad(countIncludePad).kernelSize(3, 3).stride(1, 1)
        .padding(1, 1).dataFormat(format).build();
  }

  private static Arguments of(String name, CNN2DFormat format, Function<CNN2DFormat, Layer[]> layers) {
    return Arguments.of(name, format, layers);
  }
}
