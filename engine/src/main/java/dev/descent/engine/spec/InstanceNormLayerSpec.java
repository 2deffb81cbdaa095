package dev.descent.engine.spec;

/**
 * Instance normalization (our {@code layers.groupnorm.InstanceNorm}): each channel of each sample standardized over
 * its positions, with per-channel γ, β; {@code activation} is applied after it.
 */
public record InstanceNormLayerSpec(double eps, String activation) implements LayerSpec {
  public static final String TYPE = "instancenorm";

  @Override
  public long parameterCount(Shape input) {
    return 2 * input.channels();
  }
}
