package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * A fully connected layer with weight normalization (Salimans &amp; Kingma 2016, arXiv:1602.07868, eq. 2),
 * {@code w_j = g_j · v_j / ‖v_j‖} per unit, then {@code y = activation(x w + b)}.
 */
public record WeightNormDenseLayerSpec(
    int units, String activation, WeightInitSpec weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements FullyConnectedLayerSpec {
  public static final String TYPE = "weightnorm_dense";

  @Override
  public long parameterCount(Shape input) {
    return (input.size() + 2) * units;
  }
}
