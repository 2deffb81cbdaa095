package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.Optional;

/**
 * A layer that slides a {@code kernel} window over an image, moved by {@code stride}, with {@code padding}:
 * convolutions (their filters give the output channels) and pooling (the input's channels pass through, no
 * padding).
 */
public sealed interface WindowLayerSpec extends LayerSpec
    permits Conv2dLayerSpec, WeightNormConv2dLayerSpec, MaxPool2dLayerSpec, AvgPool2dLayerSpec {
  Size2 kernel();

  Size2 stride();

  /** The padding; pooling has none. */
  default Padding padding() {
    return Padding.NONE;
  }

  /** The channels of the output, given the input. */
  long outputChannels(Shape input);

  @Override
  default Shape outputShape(Shape input) {
    return Windows.output(input, outputChannels(input), kernel(), stride(), padding());
  }

  @Override
  default Optional<Violation> checkInput(Shape input, String at) {
    return Windows.check(input, kernel(), stride(), padding(), at);
  }

  @Override
  default boolean spatial() {
    return true;
  }
}
