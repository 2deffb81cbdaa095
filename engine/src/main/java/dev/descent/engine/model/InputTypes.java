package dev.descent.engine.model;

import dev.descent.engine.spec.Shape;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;

/**
 * Declares the network's input type. Samples always arrive as flat rows; an image input is declared as DL4J's
 * flattened convolutional input ({@code C·H·W} values in NCHW order), and when the first layer is not a convolution
 * or pooling layer (a normalization, say) an explicit reshaping preprocessor gives it NCHW images.
 */
final class InputTypes {
  private InputTypes() {}

  static void declare(NeuralNetConfiguration.ListBuilder list, Shape input) {
    if (!input.image()) {
      list.setInputType(InputType.feedForward(input.size()));
      return;
    }
    var first = list.getLayerwise().get(0).build().getLayer();
    if (!(first instanceof ConvolutionLayer) && !(first instanceof SubsamplingLayer)) {
      list.inputPreProcessor(0, new FeedForwardToCnnPreProcessor(input.height(), input.width(), input.channels()));
    }
    list.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
  }
}
