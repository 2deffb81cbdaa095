package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.linesearch.StrongWolfe;
import dev.descent.engine.fullbatch.loop.LoopSettings;
import dev.descent.engine.fullbatch.method.BetaFormula;
import dev.descent.engine.fullbatch.method.BfgsRule;
import dev.descent.engine.fullbatch.method.LbfgsRule;
import dev.descent.engine.fullbatch.method.NewtonCgRule;
import dev.descent.engine.fullbatch.method.NewtonRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid full-batch optimizer spec with every default filled in (the table is {@link FullBatchOptimizers}'): the
 * canonical JSON a job stores ({@link #filled}) and the {@link FullBatchSettings} record the engine reads
 * ({@link #settings}).
 */
final class FullBatchSpec {
  static final Set<String> TYPES =
      Set.of("lbfgs", "cg", "bfgs", "newton", "newton_cg", "steepest_descent", "coordinate_descent");
  static final double DEFAULT_CG_C2 = 0.1;
  static final String STRONG_WOLFE = "strong_wolfe";
  static final String BACKTRACKING = "backtracking";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Map<String, ObjectNode> DEFAULTS = Map.of(
      "lbfgs", lineSearchMethod(null).put("history_size", LbfgsRule.DEFAULT_HISTORY_SIZE),
      "steepest_descent", wolfeConstants(lineSearchMethod(STRONG_WOLFE), StrongWolfe.DEFAULT_C2),
      "cg", wolfeConstants(lineSearchMethod(STRONG_WOLFE), DEFAULT_CG_C2)
          .put("beta_type", BetaFormula.POLAK_RIBIERE.specName()).put("restart", 0),
      "bfgs", wolfeConstants(lineSearchMethod(STRONG_WOLFE), StrongWolfe.DEFAULT_C2)
          .put("max_params", BfgsRule.DEFAULT_MAX_PARAMETERS),
      "newton", wolfeConstants(lineSearchMethod(null), StrongWolfe.DEFAULT_C2)
          .put("damping", NewtonRule.DEFAULT_DAMPING).put("max_params", NewtonRule.DEFAULT_MAX_PARAMETERS),
      "newton_cg", wolfeConstants(lineSearchMethod(STRONG_WOLFE), StrongWolfe.DEFAULT_C2)
          .put("damping", NewtonCgRule.DEFAULT_DAMPING).put("max_cg_iter", 0),
      "coordinate_descent", coordinateDescent());

  private final String type;
  private final ObjectNode values;

  FullBatchSpec(JsonNode spec) {
    this.type = spec.path("type").asText();
    this.values = defaults(type).deepCopy();
    spec.fields().forEachRemaining(e -> values.set(e.getKey(), e.getValue()));
  }

  /** The fields a type accepts, with their defaults (JSON null where the default is "none"). */
  static ObjectNode defaults(String type) {
    return DEFAULTS.get(type);
  }

  String type() {
    return type;
  }

  double number(String field) {
    return values.get(field).asDouble();
  }

  int integer(String field) {
    return values.get(field).asInt();
  }

  String text(String field) {
    JsonNode node = values.get(field);
    return node.isNull() ? null : node.asText();
  }

  JsonNode inner() {
    return values.get("inner");
  }

  /** The spec with every default filled in, the inner method's too. */
  ObjectNode filled() {
    ObjectNode out = values.deepCopy();
    if (type.equals("coordinate_descent")) {
      out.set("inner", new FullBatchSpec(inner()).filled());
    }
    return out;
  }

  /** The record of the spec (and of its inner method). */
  FullBatchSettings settings() {
    if (type.equals("coordinate_descent")) {
      FullBatchSettings inner = new FullBatchSpec(inner()).settings();
      return new FullBatchSettings(type, null, null, new FullBatchSettings.Coordinate(blocks(), inner));
    }
    JsonNode maxEval = values.get("max_eval");
    FullBatchSettings.Loop loop = new FullBatchSettings.Loop(number("lr"), integer("max_iter"),
        maxEval.isNull() ? null : maxEval.asInt(), number("tolerance_grad"), number("tolerance_change"),
        text("line_search_fn"), numberOr("c1"), numberOr("c2"));
    FullBatchSettings.Method method = new FullBatchSettings.Method(integerOr("history_size"),
        values.has("beta_type") ? text("beta_type") : null, integerOr("restart"), integerOr("max_params"),
        numberOr("damping"), integerOr("max_cg_iter"));
    return new FullBatchSettings(type, loop, method, null);
  }

  private double numberOr(String field) {
    return values.has(field) ? number(field) : 0;
  }

  private int integerOr(String field) {
    return values.has(field) ? integer(field) : 0;
  }

  private List<Block> blocks() {
    JsonNode node = values.get("blocks");
    if (node.isNull()) {
      return null;
    }
    List<Block> blocks = new ArrayList<>();
    node.forEach(pair -> blocks.add(new Block(pair.get(0).asInt(), pair.get(1).asInt())));
    return blocks;
  }

  private static ObjectNode lineSearchMethod(String lineSearch) {
    ObjectNode node = JSON.objectNode()
        .put("lr", LoopSettings.DEFAULT_LR)
        .put("max_iter", LoopSettings.DEFAULT_MAX_ITER)
        .putNull("max_eval")
        .put("tolerance_grad", LoopSettings.DEFAULT_TOLERANCE_GRAD)
        .put("tolerance_change", LoopSettings.DEFAULT_TOLERANCE_CHANGE);
    return node.put("line_search_fn", lineSearch);
  }

  private static ObjectNode wolfeConstants(ObjectNode node, double c2) {
    return node.put("c1", StrongWolfe.DEFAULT_C1).put("c2", c2);
  }

  private static ObjectNode coordinateDescent() {
    ObjectNode node = JSON.objectNode().putNull("blocks");
    node.putObject("inner").put("type", "lbfgs").put("line_search_fn", STRONG_WOLFE);
    return node;
  }
}
