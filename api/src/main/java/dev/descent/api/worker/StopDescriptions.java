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

  /** The outcome's stop, or null when it ran to its end. */
  static JobStop of(TrainingOutcome outcome) {
    if (outcome.stopReason() == null) {
      return null;
    }
    JsonNode detail = JSON.readTree(outcome.stopDetail());
    String words = TrainingOutcome.EARLY_STOPPING.equals(outcome.stopReason())
        ? "stopped early at epoch " + detail.path("stoppedEpoch").asInt() + " (best epoch "
            + detail.path("bestEpoch").asInt() + ")"
        : rule(detail);
    return new JobStop(outcome.stopReason(), outcome.stopDetail(), words);
  }

  /** E.g. {@code rule 1 (pause) fired at step 400: update_ratio/0:dense = 0.13}. */
  static String rule(JsonNode firing) {
    JsonNode rule = firing.path("rule");
    return "rule " + rule.path("index").asInt() + " (" + rule.path("do").asString() + ") fired at step "
        + firing.path("step").asLong() + ": " + firing.path("metric").asString() + " = "
        + firing.path("value").asString();
  }
}
