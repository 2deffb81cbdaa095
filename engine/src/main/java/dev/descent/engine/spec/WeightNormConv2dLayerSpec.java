package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * A 2-D convolution with weight normalization (Salimans &amp; Kingma 2016, arXiv:1602.07868, eq. 2),
 * {@code w_o = g_o · v_o / ‖v_o‖} per filter: the parameters of {@link Conv2dLayerSpec} plus one scale per filter.
 */
public record WeightNormConv2dLayerSpec(
    int filters, Size2 kernel, Size2 stride, Padding padding, String activation, WeightInitSpec weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements WindowLayerSpec {
  public static final String TYPE = "weightnorm_conv2d";

  @Override
  public long parameterCount(Shape input) {
    return input.channels() * kernel.height() * kernel.width() * filters + 2L * filters;
  }

  @Override
  public long outputChannels(Shape input) {
    return filters;
  }
}
