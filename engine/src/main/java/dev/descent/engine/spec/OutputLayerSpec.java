package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The last layer: a fully connected layer with its loss. {@code units} defaults to the dataset's class count (or
 * target count for regression); activation and loss default to softmax + mcxent for classification and identity +
 * mse for regression. {@code biasInit}: this layer's bias init, null for the model's.
 */
public record OutputLayerSpec(
    int units,
    String activation,
    String loss,
    JsonNode weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode biasInit)
    implements LayerSpec {
  public static final String TYPE = "output";

  @Override
  public long parameterCount(Shape input) {
    return input.size() * units + units;
  }

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(units);
  }
}
