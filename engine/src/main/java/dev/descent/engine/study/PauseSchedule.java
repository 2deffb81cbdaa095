package dev.descent.engine.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A scheduler that stops every trial at fixed counts of objective points (ASHA's rungs, PBT's rounds) with a
 * {@code pause} rule each, so that the study ticker decides there.
 */
interface PauseSchedule {
  /** Below every finite value: a comparison that every finite point passes, so a rule counts the points. */
  double ANY = -Double.MAX_VALUE;

  /** The epochs every trial runs (replacing the base's), or null to keep the base's. */
  Integer fixedEpochs();

  /** Where trials pause, in objective points (epochs when the objective is recorded once per epoch), ascending. */
  List<Integer> pauses();

  /**
   * One rule per pause: {@code {"when": {"metric": <objective>, "test": ">=", "value": -MAX, "for": r}, "do":
   * "pause"}} — every finite point of the objective passes, so the rule fires (once) at its r-th point, the end of
   * epoch r when the objective is recorded every epoch, after that epoch's evaluation, with a checkpoint.
   */
  default ArrayNode pauseRules(String metric) {
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    for (int r : pauses()) {
      ObjectNode rule = rules.addObject();
      rule.putObject("when").put("metric", metric).put("test", ">=").put("value", ANY).put("for", r);
      rule.put("do", "pause");
    }
    return rules;
  }
}
