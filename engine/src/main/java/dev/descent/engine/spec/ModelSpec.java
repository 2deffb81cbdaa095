package dev.descent.engine.spec;

import java.util.List;

/**
 * A stack of layers, input to output, ending in exactly one {@link OutputLayerSpec}. An image dataset is fed as
 * images when the model has a {@linkplain LayerSpec#spatial() spatial} layer (convolution or pooling), else as
 * feature vectors.
 */
public record ModelSpec(String weightInit, List<LayerSpec> layers) {
  public static final String DEFAULT_WEIGHT_INIT = "xavier";

  public ModelSpec {
    layers = List.copyOf(layers);
  }

  /** The shape of one sample of {@code dataset} as this model's first layer sees it. */
  public Shape inputShape(DatasetSpec dataset) {
    boolean images = layers.stream().anyMatch(LayerSpec::spatial);
    return images ? dataset.kind().imageShape().orElse(dataset.flatShape()) : dataset.flatShape();
  }
}
