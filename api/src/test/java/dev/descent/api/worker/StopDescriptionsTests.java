package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingOutcome;
import dev.descent.persistence.job.JobStop;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words a stop gets on the timeline, from the engine's reason and detail; any other reason kept as it is. */
class StopDescriptionsTests {
  @Test
  void eachReasonInWords() {
    assertThat(StopDescriptions.of(outcome(null, null))).isNull();
    assertThat(StopDescriptions.of(outcome("early_stopping", "{\"stoppedEpoch\": 12, \"bestEpoch\": 7}")))
        .isEqualTo(new JobStop("early_stopping", "{\"stoppedEpoch\": 12, \"bestEpoch\": 7}",
            "stopped early at epoch 12 (best epoch 7)"));
    String firing = "{\"rule\":{\"index\":1,\"when\":{\"metric\":\"loss\",\"test\":\"nonfinite\",\"for\":1},"
        + "\"do\":\"stop\"},\"metric\":\"loss\",\"step\":40,\"epoch\":2,\"value\":\"NaN\"}";
    assertThat(StopDescriptions.of(outcome("rule", firing)).description())
        .isEqualTo("rule 1 (stop) fired at step 40: loss = NaN");
    assertThat(StopDescriptions.of(outcome("loss_exceeded_limit", null)))
        .isEqualTo(new JobStop("loss_exceeded_limit", null, "stopped: loss_exceeded_limit"));
  }

  private static TrainingOutcome outcome(String reason, String detail) {
    return new TrainingOutcome(TrainingOutcome.Status.SUCCEEDED, null, null, 40, Map.of(), reason, detail);
  }
}
