package dev.descent.engine.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A search's ASHA scheduler (Li et al. 2020): rungs at {@code minEpochs · reductionFactor^k} epochs below
 * {@code maxEpochs}, and {@code maxEpochs} itself as the top. Every trial runs with {@code epochs = maxEpochs} and a
 * {@code pause} rule per rung below the top ({@link #pauseRules}); the study ticker promotes or prunes it there.
 */
public record Scheduler(String type, int minEpochs, int reductionFactor, int maxEpochs) {
  public static final String ASHA = "asha";
  /** Below every finite value: a comparison that every finite point passes, so a rule counts the points. */
  static final double ANY = -Double.MAX_VALUE;

  /** The rungs in epochs, ascending, the last one {@code maxEpochs}. */
  public List<Integer> rungs() {
    List<Integer> rungs = new ArrayList<>();
    for (long r = minEpochs; r < maxEpochs; r *= reductionFactor) {
      rungs.add((int) r);
    }
    rungs.add(maxEpochs);
    return rungs;
  }

  /**
   * One rule per rung below the top: {@code {"when": {"metric": <objective>, "test": ">=", "value": -MAX, "for": r},
   * "do": "pause"}} — every finite point of the objective passes, so the rule fires (once) at its r-th point, the end
   * of epoch r when the objective is recorded every epoch, after that epoch's evaluation, with a checkpoint.
   */
  ArrayNode pauseRules(String metric) {
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    List<Integer> rungs = rungs();
    for (int r : rungs.subList(0, rungs.size() - 1)) {
      ObjectNode rule = rules.addObject();
      rule.putObject("when").put("metric", metric).put("test", ">=").put("value", ANY).put("for", r);
      rule.put("do", "pause");
    }
    return rules;
  }
}
