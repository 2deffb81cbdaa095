package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.Optional;

/** Shape arithmetic shared by the windowed layers (convolution and pooling). */
final class Windows {
  private Windows() {}

  /** The image a window layer with {@code channels} outputs produces from {@code input}. */
  static Shape output(Shape input, long channels, Size2 kernel, Size2 stride, Padding padding) {
    return Shape.image(channels, padding.outputLength(input.height(), kernel.height(), stride.height()),
        padding.outputLength(input.width(), kernel.width(), stride.width()));
  }

  /** A violation when the input is not an image or the window does not fit in it. */
  static Optional<Violation> check(Shape input, Size2 kernel, Size2 stride, Padding padding, String at) {
    if (!input.image()) {
      return Optional.of(new Violation(at + "/type", "needs image input (an image dataset, before any flatten, "
          + "dense or global pooling layer)"));
    }
    Shape out = output(input, 1, kernel, stride, padding);
    if (out.height() < 1 || out.width() < 1) {
      return Optional.of(new Violation(at + "/kernel", "a " + kernel.height() + "×" + kernel.width()
          + " window does not fit the " + input.height() + "×" + input.width() + " input"));
    }
    return Optional.empty();
  }
}
