package dev.descent.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * Typed, validating reads of one JSON object's fields: every problem is recorded as a {@link Violation} under the
 * object's pointer and the read falls back to the default, so one pass both validates and builds. Fields never read
 * are reported by {@link #rejectUnread()}, so a typo such as {@code learning_rate} is refused, not ignored.
 */
public final class SpecFields {
  private final JsonNode object;
  private final String pointer;
  private final List<Violation> violations;
  private final Set<String> read = new HashSet<>();

  public SpecFields(JsonNode object, String pointer, List<Violation> violations) {
    this.object = object;
    this.pointer = pointer;
    this.violations = violations;
  }

  public String pointer(String field) {
    return pointer + "/" + field;
  }

  public void fail(String field, String message) {
    violations.add(new Violation(pointer(field), message));
  }

  /** The field's node, marked as read; null when absent or JSON null. */
  public JsonNode node(String field) {
    read.add(field);
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : value;
  }

  /** The object field {@code field} (which must be present and an object) read with the same violation list. */
  public SpecFields child(String field) {
    return new SpecFields(node(field), pointer(field), violations);
  }

  /** Like {@link #number} for a field that must be present; NaN when it is missing or wrong. */
  public double required(String field, DoublePredicate valid, String rule) {
    if (node(field) == null) {
      fail(field, "is required");
      return Double.NaN;
    }
    return number(field, Double.NaN, valid, rule);
  }

  /** A finite number satisfying {@code valid} (described by {@code rule}, e.g. "≥ 0"), or {@code fallback}. */
  public double number(String field, double fallback, DoublePredicate valid, String rule) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber() || !Double.isFinite(value.asDouble()) || !valid.test(value.asDouble())) {
      fail(field, "must be a finite number " + rule);
      return fallback;
    }
    return value.asDouble();
  }

  public boolean flag(String field, boolean fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      fail(field, "must be true or false");
      return fallback;
    }
    return value.asBoolean();
  }

  public long integer(String field, long fallback) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      fail(field, "must be an integer");
      return fallback;
    }
    return value.asLong();
  }

  /** An integer ≥ {@code min}; {@code fallback} when absent, or a violation when absent and {@code fallback < min}. */
  public int integer(String field, int fallback, int min) {
    JsonNode value = node(field);
    if (value == null && fallback >= min) {
      return fallback;
    }
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
      fail(field, (value == null ? "is required: " : "must be ") + "an integer ≥ " + min);
      return Math.max(fallback, min);
    }
    return value.asInt();
  }

  public String text(String field, String fallback, List<String> allowed) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual() || !allowed.contains(value.asText())) {
      fail(field, "must be one of " + allowed);
      return fallback;
    }
    return value.asText();
  }

  /**
   * An array of {@code length} numbers (any length ≥ 1 when {@code length} is 0), each satisfying {@code valid}.
   */
  public double[] numbers(String field, double[] fallback, int length, DoublePredicate valid, String rule) {
    JsonNode value = node(field);
    if (value == null) {
      return fallback;
    }
    String shape = length == 0 ? "a non-empty array of" : "an array of " + length;
    if (!value.isArray() || value.isEmpty() || (length > 0 && value.size() != length)) {
      fail(field, "must be " + shape + " numbers" + (rule.isEmpty() ? "" : ", each " + rule));
      return fallback;
    }
    double[] out = new double[value.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode item = value.get(i);
      if (!item.isNumber() || !Double.isFinite(item.asDouble()) || !valid.test(item.asDouble())) {
        fail(field + "/" + i, ("must be a finite number " + rule).trim());
        return fallback;
      }
      out[i] = item.asDouble();
    }
    return out;
  }

  /** Reports every field of the object that no read asked for. */
  public void rejectUnread() {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        unknown.add(name);
      }
    }
    unknown.forEach(name -> violations.add(FieldReader.unknownField(pointer, name)));
  }
}
