package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;

/**
 * A maxout layer (Goodfellow et al. 2013, "Maxout Networks", arXiv:1302.4389, eq. 1): {@code units} outputs, each
 * the largest of its {@code pieces} affine functions of the input, {@code h_j(x) = max_{p < k} (x Wᵀ + b)_{j·k + p}}
 * with {@code W} of shape {@code [units·pieces, inputs]}; the max is its nonlinearity (no activation).
 * {@code weightInit} draws W with fan-in {@code inputs} and fan-out {@code units·pieces}; {@code biasInit}: this
 * layer's bias init, null for the model's.
 */
public record MaxoutLayerSpec(
    int units,
    int pieces,
    WeightInitSpec weightInit,
    @JsonInclude(JsonInclude.Include.NON_NULL) BiasInitSpec biasInit)
    implements FullyConnectedLayerSpec {
  public static final String TYPE = "maxout";
  public static final int DEFAULT_PIECES = 2;
  public static final int MAX_PIECES = 256;

  @Override
  public long parameterCount(Shape input) {
    return (input.size() + 1) * units * pieces;
  }
}
