package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.init.bias.BiasInitSpec;
import java.util.List;

/**
 * A stack of layers, input to output, ending in exactly one {@link OutputLayerSpec}. An image dataset is fed as
 * images when the model has a {@linkplain LayerSpec#spatial() spatial} layer (convolution or pooling), else as
 * feature vectors. {@code weightInit} is the default of every layer with weights and {@code biasInit} applies to the
 * whole network (each written as a name or an object, read once into {@link WeightInitSpec} and
 * {@link BiasInitSpec} by {@code init.WeightInits} and {@code init.bias.BiasInit}; the JSON form is the written one).
 */
public record ModelSpec(WeightInitSpec weightInit, List<LayerSpec> layers, BiasInitSpec biasInit) {
  public static final WeightInitSpec DEFAULT_WEIGHT_INIT = WeightInits.parse(TextNode.valueOf("xavier"));

  public ModelSpec {
    layers = List.copyOf(layers);
  }

  /** The shape of one sample of {@code dataset} as this model's first layer sees it. */
  public Shape inputShape(DatasetSpec dataset) {
    boolean images = layers.stream().anyMatch(LayerSpec::spatial);
    return images ? dataset.imageShape().orElse(dataset.flatShape()) : dataset.flatShape();
  }
}
