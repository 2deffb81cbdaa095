package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /rules}: at most {@value #MAX_RULES} rules, each {@code {"when": {...}, "do": action}}. A comparison
 * needs {@code value}; {@code mode} and {@code minDelta} belong to {@code no_improvement} only; {@code for} is at
 * least 1. Any metric name is accepted: a series the job never records never fires.
 */
final class RulesSpecReader {
  static final int MAX_RULES = 32;
  private static final String AT = "/rules";
  private static final Set<String> FIELDS = Set.of("when", "do");
  private static final Set<String> WHEN_FIELDS = Set.of("metric", "test", "value", "for", "mode", "minDelta");
  private static final Set<String> MODES = Set.of(EarlyStoppingSpec.MIN, EarlyStoppingSpec.MAX);

  private final FieldReader reader;

  RulesSpecReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The rules (empty when the field is absent or null). */
  List<RuleSpec> read(JsonNode node) {
    return reader.objects(node, AT, MAX_RULES, "rules", FIELDS, (o, at) -> new RuleSpec(
        condition(reader.field(o, at, "when", true), at + "/when"), reader.oneOf(o, at, "do", null, RuleSpec.ACTIONS)));
  }

  private RuleCondition condition(JsonNode node, String at) {
    if (node == null) {
      return null;
    }
    ObjectNode o = reader.object(node, at, WHEN_FIELDS);
    if (o == null) {
      return null;
    }
    String metric = reader.text(o, at, "metric", null, SpecParser.MAX_NAME_LENGTH);
    if (metric != null && metric.isEmpty()) {
      reader.add(at + "/metric", "must not be empty");
    }
    String test = reader.oneOf(o, at, "test", null, RuleCondition.TESTS);
    int points = (int) reader.integer(o, at, "for", 1L, 1, Integer.MAX_VALUE);
    boolean compares = test != null && RuleCondition.COMPARISONS.contains(test);
    boolean noImprovement = RuleCondition.NO_IMPROVEMENT.equals(test);
    Double value = compares ? reader.number(o, at, "value", null, -Double.MAX_VALUE, Double.MAX_VALUE) : null;
    onlyFor(o, at, "value", compares || test == null, "only a comparison (>, <, >=, <=) has a value");
    onlyFor(o, at, "mode", noImprovement || test == null, "only no_improvement has a mode");
    onlyFor(o, at, "minDelta", noImprovement || test == null, "only no_improvement has a minDelta");
    String mode = noImprovement && metric != null
        ? reader.oneOf(o, at, "mode", RuleCondition.defaultMode(metric), MODES) : null;
    Double minDelta = noImprovement ? reader.number(o, at, "minDelta", 0.0, 0, Double.MAX_VALUE) : null;
    return new RuleCondition(metric, test, value, points, mode, minDelta);
  }

  private void onlyFor(ObjectNode o, String at, String field, boolean allowed, String message) {
    if (!allowed && o.hasNonNull(field)) {
      reader.add(FieldReader.pointer(at, field), message);
    }
  }
}
