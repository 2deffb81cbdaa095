package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code residual} block: {@code layers} (required, 1 to {@value #MAX_LAYERS} layers of any type but
 * {@code output} and {@code residual}, each read by its own reader at {@code …/layers/i}) and {@code activation}
 * (default {@value ResidualLayerSpec#DEFAULT_ACTIVATION}). When an inner layer is invalid the block holds no layers,
 * so that shape checks do not add violations on top.
 */
final class ResidualLayerReader {
  static final int MAX_LAYERS = 32;
  private static final Set<String> FIELDS = Set.of("type", "layers", "activation");
  private static final Set<String> NOT_INSIDE = Set.of(OutputLayerSpec.TYPE, ResidualLayerSpec.TYPE);

  private ResidualLayerReader() {}

  static LayerSpec read(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, FIELDS);
    String activation =
        r.oneOf(node, at, "activation", ResidualLayerSpec.DEFAULT_ACTIVATION, Vocabulary.ACTIVATIONS);
    JsonNode layers = r.field(node, at, "layers", true);
    if (layers == null) {
      return new ResidualLayerSpec(List.of(), activation);
    }
    if (!layers.isArray() || layers.isEmpty() || layers.size() > MAX_LAYERS) {
      r.add(at + "/layers", "must be an array of 1 to " + MAX_LAYERS + " layers");
      return new ResidualLayerSpec(List.of(), activation);
    }
    int before = r.violations().size();
    List<LayerSpec> inner = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      readInner(layers.get(i), at + "/layers/" + i, context, inner);
    }
    boolean valid = r.violations().size() == before && inner.size() == layers.size();
    return new ResidualLayerSpec(valid ? inner : List.of(), activation);
  }

  private static void readInner(JsonNode node, String at, LayerReader.LayerContext context, List<LayerSpec> out) {
    FieldReader r = context.reader();
    String type = LayerReaders.typeOf(node, at, r);
    if (type == null) {
      return;
    }
    if (NOT_INSIDE.contains(type)) {
      r.add(at + "/type", "a residual block cannot contain a layer of type '" + type + "'");
      return;
    }
    LayerReaders.read(type, node, at, context, r, out);
  }
}
