package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.validation.FieldReader;

/** Reads one layer type's JSON object (whose {@code type} is already known) into its {@link LayerSpec}. */
@FunctionalInterface
interface LayerReader {
  /**
   * @param node the layer object
   * @param at its JSON pointer, e.g. {@code /model/layers/0}
   * @param context the model's default weight init and the dataset (null when the dataset is invalid)
   */
  LayerSpec read(ObjectNode node, String at, LayerContext context);

  /** What a layer reader may need beyond its own JSON. */
  record LayerContext(FieldReader reader, WeightInitSpec defaultWeightInit, DatasetSpec dataset) {}
}
