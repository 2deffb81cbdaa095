package dev.descent.engine.spec;

/** Average pooling over {@code kernel} windows moved by {@code stride} (no padding); no parameters. */
public record AvgPool2dLayerSpec(Size2 kernel, Size2 stride) implements WindowLayerSpec {
  public static final String TYPE = "avgpool2d";

  @Override
  public long outputChannels(Shape input) {
    return input.channels();
  }
}
