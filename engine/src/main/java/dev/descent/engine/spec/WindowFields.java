package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;

/** Reads the window fields of convolution and pooling layers: sizes as {@code n} or {@code [h, w]}, and padding. */
final class WindowFields {
  static final int MAX_WINDOW = 1024;
  static final int MAX_PADDING = 1024;

  private final FieldReader reader;

  WindowFields(FieldReader reader) {
    this.reader = reader;
  }

  /** A positive size {@code n} (square) or {@code [h, w]}; {@code fallback} when absent (null: required). */
  Size2 size(ObjectNode node, String at, String name, Size2 fallback) {
    JsonNode value = reader.field(node, at, name, fallback == null);
    if (value == null) {
      return fallback == null ? Size2.square(1) : fallback;
    }
    String where = FieldReader.pointer(at, name);
    if (value.isArray() && value.size() == 2 && value.get(0).isIntegralNumber() && value.get(1).isIntegralNumber()) {
      return new Size2(side(value.get(0), where + "/0"), side(value.get(1), where + "/1"));
    }
    if (value.isIntegralNumber()) {
      return Size2.square(side(value, where));
    }
    reader.add(where, "must be a positive integer or a [height, width] pair of them");
    return Size2.square(1);
  }

  /** {@code "same"}, {@code "valid"} or a non-negative pixel count; {@code "valid"} when absent. */
  Padding padding(ObjectNode node, String at) {
    JsonNode value = reader.field(node, at, "padding", false);
    if (value == null) {
      return Padding.NONE;
    }
    if (value.isTextual() && (value.asText().equals(Padding.SAME) || value.asText().equals(Padding.VALID))) {
      return new Padding(value.asText(), 0);
    }
    if (value.isIntegralNumber() && value.asLong() >= 0 && value.asLong() <= MAX_PADDING) {
      return new Padding(Padding.EXPLICIT, value.asInt());
    }
    reader.add(FieldReader.pointer(at, "padding"),
        "must be \"same\", \"valid\" or an integer in [0, " + MAX_PADDING + "]");
    return Padding.NONE;
  }

  private int side(JsonNode value, String where) {
    if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_WINDOW) {
      reader.add(where, "must be an integer in [1, " + MAX_WINDOW + "], got " + value);
      return 1;
    }
    return value.asInt();
  }
}
