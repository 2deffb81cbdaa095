package dev.descent.engine.spec;

/**
 * The activations one sample carries between layers: {@code channels × height × width} for images ({@code image}
 * true), or {@code channels} features with height = width = 1 for feed-forward data.
 */
public record Shape(long channels, long height, long width, boolean image) {
  /** Feed-forward activations of {@code features} values. */
  public static Shape flat(long features) {
    return new Shape(features, 1, 1, false);
  }

  /** Image activations. */
  public static Shape image(long channels, long height, long width) {
    return new Shape(channels, height, width, true);
  }

  /** Values per sample. */
  public long size() {
    return channels * height * width;
  }
}
