package dev.descent.engine.spec;

import dev.descent.engine.validation.FieldReader;
import java.util.List;

/** Follows the activation shape through a model and records where a layer cannot take its input. */
final class ShapeChecks {
  private ShapeChecks() {}

  /** Checks {@code model} on {@code dataset}; the layers must be those at {@code /model/layers/0…}. */
  static void check(FieldReader reader, ModelSpec model, DatasetSpec dataset, String layersAt) {
    Shape shape = model.inputShape(dataset);
    List<LayerSpec> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      var violation = layer.checkInput(shape, layersAt + "/" + i);
      if (violation.isPresent()) {
        reader.violations().add(violation.get());
        return;
      }
      shape = layer.outputShape(shape);
    }
  }
}
