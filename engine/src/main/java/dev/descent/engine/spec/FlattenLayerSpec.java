package dev.descent.engine.spec;

/**
 * Turns an image into a feature vector of {@code C·H·W} values (NCHW order). It adds no DL4J layer: the network's
 * input types insert DL4J's CNN-to-feed-forward preprocessor wherever a feed-forward layer follows an image.
 */
public record FlattenLayerSpec() implements LayerSpec {
  public static final String TYPE = "flatten";

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(input.size());
  }
}
