package dev.descent.engine.spec;

/**
 * Batch normalization (our {@code layers.batchnorm.BatchNorm}): per feature, or per channel of an image, with
 * learnable γ, β and running statistics updated with {@code momentum}; {@code activation} is applied after it.
 */
public record BatchNormLayerSpec(double momentum, double eps, String activation) implements LayerSpec {
  public static final String TYPE = "batchnorm";
  public static final double DEFAULT_MOMENTUM = 0.1;

  /** γ and β per channel; the running mean and variance are stored with the parameters but not trained. */
  @Override
  public long parameterCount(Shape input) {
    return 4 * input.channels();
  }
}
