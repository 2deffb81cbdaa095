package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * A 2-D convolution {@code y = activation(W ⋆ x + b)} (cross-correlation, NCHW) with {@code filters} output channels,
 * a {@code kernel} window moved by {@code stride}, and {@code padding}. {@code biasInit}: this layer's bias init,
 * null for the model's.
 */
public record Conv2dLayerSpec(
    int filters, Size2 kernel, Size2 stride, Padding padding, String activation, WeightInitSpec weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements WindowLayerSpec {
  public static final String TYPE = "conv2d";
  public static final String DEFAULT_ACTIVATION = "relu";
  public static final int DEFAULT_STRIDE = 1;

  @Override
  public long parameterCount(Shape input) {
    return input.channels() * kernel.height() * kernel.width() * filters + filters;
  }

  @Override
  public long outputChannels(Shape input) {
    return filters;
  }
}
