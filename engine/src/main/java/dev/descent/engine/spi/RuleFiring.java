package dev.descent.engine.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule fired: the rule ({@code index} in the spec's {@code rules}, {@code rule} its canonical JSON), its action,
 * and the point that fired it ({@code metric}, {@code step}, {@code epoch}, {@code value}); {@code best} is the best
 * value so far for a {@code no_improvement} test, else NaN.
 */
public record RuleFiring(
    int index, String rule, String action, String metric, long step, int epoch, double value, double best) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The firing as a JSON object: {@code {"rule": {"index": 0, "when": {…}, "do": "stop"}, "metric", "step", "epoch",
   * "value", "best"?}}; a non-finite value is written as the string {@code "NaN"}, {@code "Infinity"} or
   * {@code "-Infinity"} (JSON has no such numbers).
   */
  public String detailJson() {
    try {
      ObjectNode detail = JSON.createObjectNode();
      ObjectNode spec = detail.putObject("rule").put("index", index);
      spec.setAll((ObjectNode) JSON.readTree(rule));
      detail.put("metric", metric).put("step", step).put("epoch", epoch);
      number(detail, "value", value);
      if (!Double.isNaN(best)) {
        number(detail, "best", best);
      }
      return JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rule's JSON always reads back", e);
    }
  }

  /** One line for a timeline or a failure message: which rule, what it does, and the point that fired it. */
  public String describe() {
    return "rule " + index + " " + rule + " fired at step " + step + ": " + metric + " = " + value
        + (Double.isNaN(best) ? "" : " (best " + best + ")");
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.put(name, Double.toString(value));
    }
  }
}
