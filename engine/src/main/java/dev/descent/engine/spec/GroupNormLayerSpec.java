package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.Optional;

/**
 * Group normalization (our {@code layers.groupnorm.GroupNorm}): the channels split into {@code groups} groups, each
 * standardized per sample, with per-channel γ, β; {@code activation} is applied after it.
 */
public record GroupNormLayerSpec(int groups, double eps, String activation) implements LayerSpec {
  public static final String TYPE = "groupnorm";

  @Override
  public long parameterCount(Shape input) {
    return 2 * input.channels();
  }

  @Override
  public Optional<Violation> checkInput(Shape input, String at) {
    if (input.channels() % groups == 0) {
      return Optional.empty();
    }
    return Optional.of(new Violation(at + "/groups",
        groups + " groups do not divide the " + input.channels() + " channels of the input"));
  }
}
