package dev.descent.engine.spec;

/** Max pooling over {@code kernel} windows moved by {@code stride} (no padding); no parameters. */
public record MaxPool2dLayerSpec(Size2 kernel, Size2 stride) implements WindowLayerSpec {
  public static final String TYPE = "maxpool2d";

  @Override
  public long outputChannels(Shape input) {
    return input.channels();
  }
}
