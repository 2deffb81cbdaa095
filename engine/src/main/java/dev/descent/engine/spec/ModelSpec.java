package dev.descent.engine.spec;

import java.util.List;

/** A stack of layers, input to output, ending in exactly one {@link OutputLayerSpec}. */
public record ModelSpec(String weightInit, List<LayerSpec> layers) {
  public static final String DEFAULT_WEIGHT_INIT = "xavier";

  public ModelSpec {
    layers = List.copyOf(layers);
  }
}
