package dev.descent.engine.layers.groupnorm;

import dev.descent.engine.layers.NormConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Group normalization (Wu &amp; He 2018, "Group Normalization", arXiv:1803.08494, eq. 1–3 with the group set of eq. 7):
 * the C channels of each sample are split into G contiguous groups of C/G channels and each group is standardized
 * over its channels and positions, {@code x̂ = (x − μ_{n,g}) / √(σ²_{n,g} + ε)} (biased σ²), then
 * {@code y = act(γ_c x̂ + β_c)} with per-channel γ, β. G = 1 is layer norm over (C, H, W) with per-channel affine;
 * G = C is instance norm. Feed-forward input {@code [N, C]} is treated as C channels of one position. Uses no batch
 * statistics, so training and inference are the same.
 */
public class GroupNorm extends NormConfig {
  /** Wu &amp; He's default number of groups. */
  public static final int DEFAULT_GROUPS = 32;

  private int groups;

  public GroupNorm() {
    this(new Builder());
  }

  protected GroupNorm(NormConfig.Builder<?> builder, int groups) {
    super(builder);
    this.groups = groups;
  }

  private GroupNorm(Builder builder) {
    this(builder, builder.groups);
  }

  public int getGroups() {
    return groups;
  }

  public void setGroups(int groups) {
    this.groups = groups;
  }

  /** The number of groups the layer normalizes; it must divide {@code nIn}. */
  public long groupCount() {
    return groups;
  }

  @Override
  protected Layer createLayer(NeuralNetConfiguration conf, DataType dataType) {
    if (groupCount() < 1 || nIn % groupCount() != 0) {
      throw new IllegalStateException("group norm: " + groupCount() + " groups do not divide " + nIn
          + " channels, layer " + layerName);
    }
    return new GroupNormLayer(conf, dataType);
  }

  /** Builds a {@link GroupNorm}; {@code nIn} (channels) is inferred from the input type when the network has one. */
  public static final class Builder extends NormConfig.Builder<Builder> {
    private int groups = DEFAULT_GROUPS;

    /** The number of channel groups G; default {@value GroupNorm#DEFAULT_GROUPS}. */
    public Builder groups(int groups) {
      this.groups = groups;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public GroupNorm build() {
      return new GroupNorm(this);
    }
  }
}
