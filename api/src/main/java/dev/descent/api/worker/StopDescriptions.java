package dev.descent.api.worker;

import dev.descent.engine.TrainingOutcome;
import dev.descent.persistence.job.JobStop;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stop of a run that early stopping or a rule ended ({@link TrainingOutcome#stopReason}), as the job and its
 * timeline keep it: the reason, the engine's JSON detail, and the words of the timeline event.
 */
final class StopDescriptions {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StopDescriptions() {}

  /**
   * The outcome's stop, or null when it ran to its end. A reason other than early stopping and a rule is kept as the
   * engine names it, with its detail if it has one.
   */
  static JobStop of(TrainingOutcome outcome) {
    String reason = outcome.stopReason();
    if (reason == null) {
      return null;
    }
    JsonNode detail = outcome.stopDetail() == null ? JSON.createObjectNode() : JSON.readTree(outcome.stopDetail());
    String words = switch (reason) {
      case TrainingOutcome.EARLY_STOPPING -> "stopped early at epoch " + detail.path("stoppedEpoch").asInt()
          + " (best epoch " + detail.path("bestEpoch").asInt() + ")";
      case TrainingOutcome.RULE -> rule(detail);
      default -> "stopped: " + reason;
    };
    return new JobStop(reason, outcome.stopDetail(), words);
  }

  /** E.g. {@code rule 1 (pause) fired at step 400: update_ratio/0:dense = 0.13}. */
  static String rule(JsonNode firing) {
    JsonNode rule = firing.path("rule");
    return "rule " + rule.path("index").asInt() + " (" + rule.path("do").asString() + ") fired at step "
        + firing.path("step").asLong() + ": " + firing.path("metric").asString() + " = "
        + firing.path("value").asString();
  }
}
