package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads {@code /init}: {@code fromJob} (required, a string), {@code checkpoint} (default {@code final}),
 * {@code layers} (distinct indexes into {@code model.layers}; default all), {@code freeze} (a subset of
 * {@code layers}, default none; not the output layer, whose updater the loop reports, and neither with phases, which
 * give every layer their optimizer, nor with a full-batch optimizer, which moves every parameter itself).
 */
final class WarmStartSpecReader {
  private static final String AT = "/init";
  private static final Set<String> FIELDS = Set.of("fromJob", "checkpoint", "layers", "freeze");
  private static final int MAX_ID = 100;

  private final FieldReader reader;

  WarmStartSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The warm start (null when the field is absent or null). */
  WarmStartSpec read(JsonNode node, ModelSpec model, boolean phased, boolean fullBatch) {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    int count = model == null ? 0 : model.layers().size();
    String fromJob = reader.text(o, AT, "fromJob", null, MAX_ID);
    String checkpoint = reader.text(o, AT, "checkpoint", WarmStartSpec.FINAL, MAX_ID);
    List<Integer> layers = o.hasNonNull("layers") ? indexes(o.get("layers"), AT + "/layers", count)
        : IntStream.range(0, count).boxed().toList();
    List<Integer> freeze = o.hasNonNull("freeze") ? indexes(o.get("freeze"), AT + "/freeze", count) : List.of();
    for (int i = 0; i < freeze.size(); i++) {
      int layer = freeze.get(i);
      if (!layers.contains(layer)) {
        reader.add(AT + "/freeze/" + i, "layer " + layer + " is not among the copied layers " + layers);
      } else if (layer == count - 1) {
        reader.add(AT + "/freeze/" + i, "the output layer cannot be frozen");
      }
    }
    if (!freeze.isEmpty() && (phased || fullBatch)) {
      reader.add(AT + "/freeze", phased ? "frozen layers cannot be combined with phases"
          : "frozen layers need a minibatch optimizer");
    }
    return new WarmStartSpec(fromJob, checkpoint, layers, freeze);
  }

  /** Distinct layer indexes in [0, count). */
  private List<Integer> indexes(JsonNode node, String at, int count) {
    if (!node.isArray()) {
      reader.add(at, "must be an array of layer indexes");
      return List.of();
    }
    Set<Integer> out = new LinkedHashSet<>();
    List<Integer> ordered = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String where = at + "/" + i;
      if (!item.isIntegralNumber() || !item.canConvertToInt()) {
        reader.add(where, "must be a layer index (an integer)");
      } else if (item.asInt() < 0 || item.asInt() >= count) {
        reader.add(where, "layer " + item.asText() + " does not exist: the model has " + count + " layers");
      } else if (!out.add(item.asInt())) {
        reader.add(where, "layer " + item.asInt() + " is listed twice");
      } else {
        ordered.add(item.asInt());
      }
    }
    return ordered;
  }
}
