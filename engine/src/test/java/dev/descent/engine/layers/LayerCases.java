package dev.descent.engine.layers;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import dev.descent.engine.layers.weightnorm.WeightNormConvolution;
import dev.descent.engine.layers.weightnorm.WeightNormDense;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.junit.jupiter.params.provider.Arguments;
import org.nd4j.linalg.activations.Activation;

/**
 * Every layer of this package, each in the network shapes it applies to ({@code conv}: after a convolution, NCHW;
 * otherwise after a dense layer), with non-default settings so that a field lost in serialization shows.
 */
final class LayerCases {
  private LayerCases() {}

  /** Arguments: name, whether the network is convolutional, a supplier of the layer configuration. */
  static Stream<Arguments> all() {
    return Stream.of(
        of("batch norm dense", false, () -> new BatchNorm.Builder().momentum(0.3).eps(1e-3).build()),
        of("batch norm dense + softplus", false, () -> new BatchNorm.Builder().activation(Activation.SOFTPLUS).build()),
        of("batch norm conv", true, () -> new BatchNorm.Builder().momentum(0.2).eps(1e-4).build()),
        of("layer norm dense", false, () -> new LayerNorm.Builder().eps(1e-3).build()),
        of("layer norm conv", true, () -> new LayerNorm.Builder().activation(Activation.TANH).build()),
        of("group norm conv g=2", true, () -> new GroupNorm.Builder().groups(2).eps(1e-3).build()),
        of("group norm conv g=1", true, () -> new GroupNorm.Builder().groups(1).build()),
        of("group norm dense g=3", false, () -> new GroupNorm.Builder().groups(3).build()),
        of("instance norm conv", true, () -> new InstanceNorm.Builder().activation(Activation.TANH).build()),
        of("weight norm dense", false, () -> new WeightNormDense.Builder().nOut(6).activation(Activation.TANH)
            .build()),
        of("weight norm after conv", true, () -> new WeightNormDense.Builder().nOut(5).biasInit(0.1)
            .activation(Activation.SIGMOID).build()),
        of("weight norm convolution", true, () -> new WeightNormConvolution.Builder(2, 2).nOut(3).stride(1, 1)
            .activation(Activation.TANH).build()));
  }

  private static Arguments of(String name, boolean conv, Supplier<Layer> layer) {
    return Arguments.of(name, conv, layer);
  }
}
