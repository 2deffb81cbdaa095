package dev.descent.engine.init.bias;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
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

  /** The spec read once, kept with its written form; throws {@link SpecException} when it is invalid. */
  public static BiasInitSpec parse(JsonNode spec) {
    return new BiasInitSpec(BiasInitSpecs.create(spec), spec);
  }

  /**
   * Sets {@code network}'s biases in place; {@code trainingLabels} (rows are samples, as the output layer's labels)
   * are read only with {@code outputPrior}.
   */
  public void apply(MultiLayerNetwork network, INDArray trainingLabels) {
    apply(network, Collections.nCopies(layers(network).size(), this), trainingLabels);
  }

  /**
   * Sets the biases of each layer {@code i} of {@code network} by {@code perLayer.get(i)}, where the layers are the
   * network's in order with each residual block replaced by its inner layers (one entry per inner layer), then the
   * output layer's from {@code trainingLabels} when the output layer's own init (the last) asks for
   * {@code outputPrior}.
   */
  public static void apply(MultiLayerNetwork network, List<BiasInit> perLayer, INDArray trainingLabels) {
    List<Layer> layers = layers(network);
    if (perLayer.size() != layers.size()) {
      throw new IllegalArgumentException(perLayer.size() + " bias inits for " + layers.size() + " layers");
    }
    for (int i = 0; i < perLayer.size(); i++) {
      Layer layer = layers.get(i);
      INDArray bias = layer.numParams() == 0 ? null : layer.getParam("b");
      if (bias != null) {
        bias.assign(perLayer.get(i).constantFor(activation(layer)));
      }
    }
    if (perLayer.get(perLayer.size() - 1).outputPrior) {
      Layer output = network.getOutputLayer();
      double[] prior = OutputPrior.bias(activation(output), trainingLabels);
      output.getParam("b").assign(Nd4j.createFromArray(prior).reshape(output.getParam("b").shape()));
    }
  }

  /** The network's layers in order, each residual block replaced by its inner layers. */
  private static List<Layer> layers(MultiLayerNetwork network) {
    List<Layer> out = new ArrayList<>();
    for (Layer layer : network.getLayers()) {
      if (layer instanceof ResidualBlockLayer block) {
        out.addAll(block.innerLayers());
      } else {
        out.add(layer);
      }
    }
    return out;
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
