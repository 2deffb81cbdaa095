package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * The last layer: a fully connected layer with its loss. {@code units} defaults to the dataset's class count (or
 * target count for regression); activation and loss default to softmax + mcxent for classification and identity +
 * mse for regression. {@code biasInit}: this layer's bias init, null for the model's.
 */
public record OutputLayerSpec(
    int units,
    String activation,
    String loss,
    WeightInitSpec weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements FullyConnectedLayerSpec {
  public static final String TYPE = "output";
}
