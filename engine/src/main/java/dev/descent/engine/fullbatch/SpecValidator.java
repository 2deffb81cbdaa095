package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.method.BetaFormula;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Checks a full-batch optimizer spec field by field; every problem is named by its JSON pointer. */
final class SpecValidator {
  /** The most parameters a dense-matrix method may be configured for (an n×n matrix of 800 MB). */
  static final int MAX_DENSE_PARAMETERS = 10_000;

  private final JsonNode spec;
  private final String pointer;
  private final List<Violation> violations = new ArrayList<>();

  SpecValidator(JsonNode spec, String pointer) {
    this.spec = spec;
    this.pointer = pointer;
  }

  List<Violation> violations() {
    if (spec == null || !spec.isObject()) {
      fail("", "must be an object with a \"type\"");
      return violations;
    }
    String type = spec.path("type").asText("");
    if (!FullBatchSpec.TYPES.contains(type)) {
      fail("/type", "unknown full-batch optimizer '" + type + "'; one of " + FullBatchSpec.TYPES);
      return violations;
    }
    refuseUnknownFields(type);
    if (violations.isEmpty()) {
      checkFields(new FullBatchSpec(spec), type);
    }
    return violations;
  }

  private void refuseUnknownFields(String type) {
    for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !FullBatchSpec.defaults(type).has(name)) {
        violations.add(FieldReader.unknownField(pointer, name));
      }
    }
  }

  private void checkFields(FullBatchSpec values, String type) {
    if (type.equals("coordinate_descent")) {
      checkBlocks();
      checkInner(values.inner());
      return;
    }
    requireNumber("lr", 0, false, Double.POSITIVE_INFINITY);
    requireInteger("max_iter", 1, Integer.MAX_VALUE);
    requireInteger("max_eval", 1, Integer.MAX_VALUE);
    requireNumber("tolerance_grad", 0, true, Double.POSITIVE_INFINITY);
    requireNumber("tolerance_change", 0, true, Double.POSITIVE_INFINITY);
    requireInteger("history_size", 1, Integer.MAX_VALUE);
    requireInteger("restart", 0, Integer.MAX_VALUE);
    requireInteger("max_params", 1, MAX_DENSE_PARAMETERS);
    requireInteger("max_cg_iter", 0, Integer.MAX_VALUE);
    requireNumber("damping", 0, true, Double.POSITIVE_INFINITY);
    requireNumber("c1", 0, false, 1);
    requireNumber("c2", 0, false, 1);
    if (FullBatchSpec.defaults(type).has("c2") && !(values.number("c1") < values.number("c2"))) {
      fail("/c2", "must be greater than c1 (Wolfe conditions need 0 < c1 < c2 < 1)");
    }
    requireOneOf("line_search_fn", type.equals("lbfgs")
        ? Set.of(FullBatchSpec.STRONG_WOLFE)
        : Set.of(FullBatchSpec.STRONG_WOLFE, FullBatchSpec.BACKTRACKING));
    if (spec.has("beta_type") && BetaFormula.bySpecName(spec.get("beta_type").asText()) == null) {
      fail("/beta_type", "must be one of fletcher_reeves, polak_ribiere, hestenes_stiefel");
    }
  }

  private void requireNumber(String field, double min, boolean minIncluded, double max) {
    JsonNode v = spec.get(field);
    if (v == null) {
      return;
    }
    double x = v.asDouble();
    boolean ok = v.isNumber() && Double.isFinite(x) && (minIncluded ? x >= min : x > min) && x < max;
    if (!ok) {
      String range = (minIncluded ? "≥ " : "> ") + min + (Double.isInfinite(max) ? "" : " and < " + max);
      fail("/" + field, "must be a finite number " + range);
    }
  }

  private void requireInteger(String field, int min, int max) {
    JsonNode v = spec.get(field);
    boolean absent = v == null || (v.isNull() && FullBatchSpec.defaults(spec.get("type").asText()).get(field).isNull());
    if (!absent && !(v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= min && v.asInt() <= max)) {
      fail("/" + field, "must be an integer in [" + min + ", " + max + "]");
    }
  }

  private void requireOneOf(String field, Set<String> allowed) {
    JsonNode v = spec.get(field);
    if (v != null && !v.isNull() && !(v.isTextual() && allowed.contains(v.asText()))) {
      fail("/" + field, "must be null or one of " + allowed);
    }
  }

  private void checkBlocks() {
    JsonNode blocks = spec.get("blocks");
    if (blocks == null || blocks.isNull()) {
      return;
    }
    if (!blocks.isArray() || blocks.isEmpty()) {
      fail("/blocks", "must be null or a non-empty array of [from, to) index pairs");
      return;
    }
    for (int i = 0; i < blocks.size(); i++) {
      JsonNode pair = blocks.get(i);
      boolean ok = pair.isArray() && pair.size() == 2 && pair.get(0).isIntegralNumber()
          && pair.get(1).isIntegralNumber() && pair.get(0).asInt() >= 0 && pair.get(1).asInt() > pair.get(0).asInt();
      if (!ok) {
        fail("/blocks/" + i, "must be [from, to) with 0 ≤ from < to");
      }
    }
  }

  private void checkInner(JsonNode inner) {
    if (inner.path("type").asText("").equals("coordinate_descent")) {
      fail("/inner/type", "the inner method of coordinate_descent cannot be coordinate_descent");
      return;
    }
    violations.addAll(new SpecValidator(inner, pointer + "/inner").violations());
  }

  private void fail(String field, String message) {
    violations.add(new Violation(pointer + field, message));
  }
}
