package dev.descent.engine.init.bias;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.init.bias.BiasInit.Kind;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The bias-init spec: {@code "zero"} | {@code "relu"} | {@code {"type": "zero" | "constant" | "relu", "value":
 * number, "outputPrior": boolean}}. {@code value} defaults to 0 for {@code constant} and {@link
 * BiasInit#DEFAULT_RELU_BIAS} for {@code relu} (and is refused for {@code zero}); {@code outputPrior} defaults to
 * false.
 */
final class BiasInitSpecs {
  private static final String TYPE = "type";
  private static final String VALUE = "value";
  private static final String OUTPUT_PRIOR = "outputPrior";
  private static final Set<String> TYPES = Set.of("zero", "constant", "relu");

  private BiasInitSpecs() {}

  static List<Violation> validate(JsonNode spec, String prefix) {
    List<Violation> out = new ArrayList<>();
    String type = spec == null ? "" : spec.isTextual() ? spec.asText() : spec.path(TYPE).asText("");
    if (!TYPES.contains(type)) {
      String where = spec != null && spec.isObject() ? prefix + "/" + TYPE : prefix;
      out.add(new Violation(where, "must be \"zero\", \"constant\" or \"relu\""));
      return out;
    }
    if (spec.isObject()) {
      checkFields(spec, type, prefix, out);
    }
    return out;
  }

  static BiasInit create(JsonNode spec) {
    List<Violation> violations = validate(spec, "");
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    Kind kind = Kind.valueOf((spec.isTextual() ? spec.asText() : spec.get(TYPE).asText()).toUpperCase());
    double fallback = kind == Kind.RELU ? BiasInit.DEFAULT_RELU_BIAS : 0.0;
    double value = spec.path(VALUE).asDouble(fallback);
    return new BiasInit(kind, value, spec.path(OUTPUT_PRIOR).asBoolean(false));
  }

  private static void checkFields(JsonNode spec, String type, String prefix, List<Violation> out) {
    Iterator<String> fields = spec.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      JsonNode value = spec.get(field);
      String pointer = FieldReader.pointer(prefix, field);
      if (field.equals(VALUE) && !type.equals("zero")) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
          out.add(new Violation(pointer, "must be a finite number"));
        }
      } else if (field.equals(OUTPUT_PRIOR)) {
        if (!value.isBoolean()) {
          out.add(new Violation(pointer, "must be true or false"));
        }
      } else if (!field.equals(TYPE)) {
        out.add(FieldReader.unknownField(prefix, field));
      }
    }
  }
}
