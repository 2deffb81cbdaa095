package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * A fully connected layer {@code y = activation(x W + b)}. {@code dropout} is PyTorch's: the probability of zeroing
 * an input activation during training (0: none). {@code biasInit}: this layer's bias init, null for the model's.
 */
public record DenseLayerSpec(
    int units,
    String activation,
    WeightInitSpec weightInit,
    double dropout,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements FullyConnectedLayerSpec {
  public static final String TYPE = "dense";
  public static final String DEFAULT_ACTIVATION = "relu";
  public static final double DEFAULT_DROPOUT = 0.0;
}
