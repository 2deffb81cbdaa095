package dev.descent.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Reads typed fields out of a JSON tree while collecting every violation, each named by its RFC 6901 pointer. A
 * field that is wrong yields a violation and a harmless stand-in value, so reading goes on and all problems are
 * found in one pass; the caller throws when {@link #violations()} is not empty. Objects are read either with a set of
 * allowed fields ({@link #object}) or, where the fields depend on what was read before (an optimizer's type, a
 * schedule's), with {@link SpecFields}, which refuses what no read asked for; both report an unknown field the same
 * way ({@link #unknownField}).
 */
public final class FieldReader {
  /** What every spec family says of a field it does not know, at the field's own (escaped) pointer. */
  public static final String UNKNOWN_FIELD = "unknown field";

  private final List<Violation> violations = new ArrayList<>();

  public List<Violation> violations() {
    return violations;
  }

  public void add(String pointer, String message) {
    violations.add(new Violation(pointer, message));
  }

  /** {@code parent}'s pointer extended by {@code token}, escaped as RFC 6901 requires. */
  public static String pointer(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** The node as an object whose fields are all in {@code allowed}, or null (with a violation) if not an object. */
  public ObjectNode object(JsonNode node, String at, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      add(at, "must be an object");
      return null;
    }
    rejectUnknownFields((ObjectNode) node, at, allowed);
    return (ObjectNode) node;
  }

  /** A violation for each field of {@code node} not in {@code allowed}. */
  public void rejectUnknownFields(ObjectNode node, String at, Set<String> allowed) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    violations.addAll(unknownFields(names, at, allowed));
  }

  /** The violation of each of an object's field {@code names} not in {@code allowed}; {@code at} is the object's. */
  public static List<Violation> unknownFields(Iterable<String> names, String at, Set<String> allowed) {
    List<Violation> out = new ArrayList<>();
    for (String name : names) {
      if (!allowed.contains(name)) {
        out.add(unknownField(at, name));
      }
    }
    return out;
  }

  /** The violation of the field {@code name} of the object at {@code at}, which no reader knows. */
  public static Violation unknownField(String at, String name) {
    return new Violation(pointer(at, name), UNKNOWN_FIELD);
  }

  /**
   * The list at {@code at}, an array of at most {@code max} {@code items} (empty when absent or JSON null; empty with
   * a violation when it is something else): each an object whose fields are all in {@code allowed} (one that is not an
   * object is a violation and left out), read by {@code item} from the object and its pointer.
   */
  public <T> List<T> objects(JsonNode node, String at, int max, String items, Set<String> allowed,
      BiFunction<ObjectNode, String, T> item) {
    List<T> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray() || node.size() > max) {
      add(at, "must be an array of at most " + max + " " + items);
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String where = at + "/" + i;
      ObjectNode o = object(node.get(i), where, allowed);
      if (o != null) {
        out.add(item.apply(o, where));
      }
    }
    return out;
  }

  /** The field's node, or null when it is absent or JSON null; a required one missing is a violation. */
  public JsonNode field(ObjectNode parent, String at, String name, boolean required) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        add(pointer(at, name), "is required");
      }
      return null;
    }
    return node;
  }

  /** An integer in [min, max]; {@code fallback} when absent (null fallback: required). */
  public long integer(ObjectNode parent, String at, String name, Long fallback, long min, long max) {
    JsonNode node = field(parent, at, name, fallback == null);
    if (node == null) {
      return fallback == null ? min : fallback;
    }
    String where = pointer(at, name);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      add(where, node.isNumber() ? "must be an integer" : "must be an integer, got " + node.getNodeType());
      return min;
    }
    long value = node.asLong();
    return value < min || value > max ? outOfRange(where, min, max, value).longValue() : value;
  }

  /** A finite number in [min, max]; {@code fallback} when absent (null fallback: required). */
  public double number(ObjectNode parent, String at, String name, Double fallback, double min, double max) {
    JsonNode node = field(parent, at, name, fallback == null);
    if (node == null) {
      return fallback == null ? min : fallback;
    }
    String where = pointer(at, name);
    if (!node.isNumber()) {
      add(where, "must be a number, got " + node.getNodeType());
      return min;
    }
    double value = node.asDouble();
    if (!Double.isFinite(value)) {
      add(where, "must be a finite number");
      return min;
    }
    return value < min || value > max ? outOfRange(where, min, max, value).doubleValue() : value;
  }

  /** Records that {@code value} lies outside [min, max]; gives {@code min}, the value a violated field reads as. */
  private Number outOfRange(String where, Number min, Number max, Number value) {
    add(where, "must be in [" + min + ", " + max + "], got " + value);
    return min;
  }

  public boolean bool(ObjectNode parent, String at, String name, boolean fallback) {
    JsonNode node = field(parent, at, name, false);
    if (node == null) {
      return fallback;
    }
    if (!node.isBoolean()) {
      add(pointer(at, name), "must be true or false");
      return fallback;
    }
    return node.asBoolean();
  }

  /**
   * A string of at most {@code maxLength} characters; {@code fallback} when absent (null fallback: required). Null
   * when the field is wrong.
   */
  public String text(ObjectNode parent, String at, String name, String fallback, int maxLength) {
    JsonNode node = field(parent, at, name, fallback == null);
    if (node == null) {
      return fallback;
    }
    if (!node.isTextual()) {
      add(pointer(at, name), "must be a string");
      return null;
    }
    if (node.asText().length() > maxLength) {
      add(pointer(at, name), "must be at most " + maxLength + " characters");
    }
    return node.asText();
  }

  /** A string that is one of {@code allowed}; {@code fallback} when absent (null fallback: required). */
  public String oneOf(ObjectNode parent, String at, String name, String fallback, Set<String> allowed) {
    String value = text(parent, at, name, fallback, Integer.MAX_VALUE);
    if (value != null && !allowed.contains(value)) {
      add(pointer(at, name), "unknown " + name + " '" + value + "', expected one of " + new TreeSet<>(allowed));
    }
    return value;
  }
}
