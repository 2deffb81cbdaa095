package dev.descent.engine.init.bias;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import dev.descent.engine.spec.SpecException;
import dev.descent.engine.spec.Violation;
import java.util.Collections;
import java.util.List;
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
    apply(network, Collections.nCopies(network.getnLayers(), this), trainingLabels);
  }

  /**
   * Sets the biases of each layer {@code i} of {@code network} by {@code perLayer.get(i)} (a residual block's by
   * its entry, for every layer inside it), then the output layer's from {@code trainingLabels} when the output
   * layer's own init asks for {@code outputPrior}.
   */
  public static void apply(MultiLayerNetwork network, List<BiasInit> perLayer, INDArray trainingLabels) {
    if (perLayer.size() != network.getnLayers()) {
      throw new IllegalArgumentException(perLayer.size() + " bias inits for " + network.getnLayers() + " layers");
    }
    for (int i = 0; i < perLayer.size(); i++) {
      for (Layer layer : withBlockLayers(network.getLayer(i))) {
        INDArray bias = layer.numParams() == 0 ? null : layer.getParam("b");
        if (bias != null) {
          bias.assign(perLayer.get(i).constantFor(activation(layer)));
        }
      }
    }
    if (perLayer.get(perLayer.size() - 1).outputPrior) {
      Layer output = network.getOutputLayer();
      double[] prior = OutputPrior.bias(activation(output), trainingLabels);
      output.getParam("b").assign(Nd4j.createFromArray(prior).reshape(output.getParam("b").shape()));
    }
  }

  /** A residual block's inner layers, or the layer itself. */
  private static List<Layer> withBlockLayers(Layer layer) {
    return layer instanceof ResidualBlockLayer block ? List.copyOf(block.innerLayers()) : List.of(layer);
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
