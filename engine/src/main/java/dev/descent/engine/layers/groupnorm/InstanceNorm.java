package dev.descent.engine.layers.groupnorm;

import dev.descent.engine.layers.NormConfig;

/**
 * Instance normalization (Ulyanov, Vedaldi &amp; Lempitsky 2016, "Instance Normalization: The Missing Ingredient for
 * Fast Stylization", arXiv:1607.08022, eq. 2): each channel of each sample is standardized over its H·W positions,
 * {@code y = act(γ_c (x − μ_{n,c}) / √(σ²_{n,c} + ε) + β_c)}; group norm with one group per channel. No running
 * statistics: training and inference are the same. The inherited {@code groups} field is unused (0): the group count
 * is {@code nIn}.
 */
public class InstanceNorm extends GroupNorm {
  public InstanceNorm() {
    this(new Builder());
  }

  private InstanceNorm(Builder builder) {
    super(builder, 0);
  }

  /** One group per channel. */
  @Override
  public long groupCount() {
    return nIn;
  }

  /** Builds an {@link InstanceNorm}; {@code nIn} (channels) is inferred from the input type. */
  public static final class Builder extends NormConfig.Builder<Builder> {
    @Override
    @SuppressWarnings("unchecked")
    public InstanceNorm build() {
      return new InstanceNorm(this);
    }
  }
}
