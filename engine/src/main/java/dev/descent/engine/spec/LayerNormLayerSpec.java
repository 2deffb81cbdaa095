package dev.descent.engine.spec;

/**
 * Layer normalization (our {@code layers.layernorm.LayerNorm}) over all features of a sample, with ε and elementwise
 * γ, β; {@code activation} is applied after it.
 */
public record LayerNormLayerSpec(double eps, String activation) implements LayerSpec {
  public static final String TYPE = "layernorm";

  @Override
  public long parameterCount(Shape input) {
    return 2 * input.size();
  }
}
