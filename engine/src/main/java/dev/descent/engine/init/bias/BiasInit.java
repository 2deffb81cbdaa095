package dev.descent.engine.init.bias;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import dev.descent.engine.spec.SpecException;
import dev.descent.engine.spec.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How to set a network's biases after it is built. {@link Kind#ZERO}: every bias 0; {@link Kind#CONSTANT}: every
 * bias {@code value}; {@link Kind#RELU}: {@code value} in layers with (leaky) ReLU units, whose units then start
 * active on most inputs (Goodfellow, Bengio and Courville 2016, §8.4, suggest 0.1), 0 elsewhere. With {@code
 * outputPrior}, the output layer's bias is then set from the training labels by {@link OutputPrior}.
 */
public record BiasInit(Kind kind, double value, boolean outputPrior) {

  /** Where the constant goes. */
  public enum Kind {
    ZERO,
    CONSTANT,
    RELU
  }

  public static final double DEFAULT_RELU_BIAS = 0.1;

  public static final BiasInit ZEROS = new BiasInit(Kind.ZERO, 0.0, false);

  /** Every problem with a bias-init spec; see {@link BiasInitSpecs} for the format. */
  public static List<Violation> validate(JsonNode spec, String pointerPrefix) {
    return BiasInitSpecs.validate(spec, pointerPrefix);
  }

  /** The bias init a valid spec describes; throws {@link SpecException} otherwise. */
  public static BiasInit fromSpec(JsonNode spec) {
    return BiasInitSpecs.create(spec);
  }

  /**
   * Sets {@code network}'s biases in place; {@code trainingLabels} (rows are samples, as the output layer's labels)
   * are read only with {@code outputPrior}.
   */
  public void apply(MultiLayerNetwork network, INDArray trainingLabels) {
    for (Layer layer : withBlockLayers(network)) {
      INDArray bias = layer.numParams() == 0 ? null : layer.getParam("b");
      if (bias != null) {
        bias.assign(constantFor(activation(layer)));
      }
    }
    if (outputPrior) {
      Layer output = network.getOutputLayer();
      double[] prior = OutputPrior.bias(activation(output), trainingLabels);
      output.getParam("b").assign(Nd4j.createFromArray(prior).reshape(output.getParam("b").shape()));
    }
  }

  /** The network's layers, with each residual block replaced by its inner layers. */
  private static List<Layer> withBlockLayers(MultiLayerNetwork network) {
    return Arrays.stream(network.getLayers())
        .flatMap(l -> l instanceof ResidualBlockLayer block ? block.innerLayers().stream() : Stream.of(l))
        .toList();
  }

  private double constantFor(IActivation activation) {
    return switch (kind) {
      case ZERO -> 0.0;
      case CONSTANT -> value;
      case RELU -> activation instanceof ActivationReLU || activation instanceof ActivationLReLU ? value : 0.0;
    };
  }

  private static IActivation activation(Layer layer) {
    return ((BaseLayer) layer.conf().getLayer()).getActivationFn();
  }
}
