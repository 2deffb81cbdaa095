package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fully connected layer {@code y = activation(x W + b)}. {@code dropout} is PyTorch's: the probability of zeroing
 * an input activation during training (0: none).
 */
public record DenseLayerSpec(int units, String activation, JsonNode weightInit, double dropout)
    implements LayerSpec {
  public static final String TYPE = "dense";
  public static final String DEFAULT_ACTIVATION = "relu";
  public static final double DEFAULT_DROPOUT = 0.0;

  @Override
  public long parameterCount(Shape input) {
    return input.size() * units + units;
  }

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(units);
  }
}
