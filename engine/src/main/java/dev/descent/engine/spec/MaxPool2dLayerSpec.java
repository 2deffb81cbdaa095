package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.Optional;

/** Max pooling over {@code kernel} windows moved by {@code stride} (no padding); no parameters. */
public record MaxPool2dLayerSpec(Size2 kernel, Size2 stride) implements LayerSpec {
  public static final String TYPE = "maxpool2d";

  @Override
  public long parameterCount(Shape input) {
    return 0;
  }

  @Override
  public Shape outputShape(Shape input) {
    return Windows.output(input, input.channels(), kernel, stride, Padding.NONE);
  }

  @Override
  public Optional<Violation> checkInput(Shape input, String at) {
    return Windows.check(input, kernel, stride, Padding.NONE, at);
  }

  @Override
  public boolean spatial() {
    return true;
  }
}
