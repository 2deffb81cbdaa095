package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.optim.schedule.ScheduleSpec;

/**
 * One phase of a phased job ({@code /phases/i}): {@code epochs} epochs with their own minibatch optimizer, schedule
 * (its time counted from the phase's start) and batch size. {@code keepState} carries the previous phase's optimizer
 * state over when the two states have the same layout (same optimizer type); otherwise the phase starts a fresh
 * state. {@link #optimizer} and {@link #schedule} keep the canonical JSON for output; the engine reads the records.
 */
@JsonPropertyOrder({"epochs", "optimizer", "schedule", "batchSize", "keepState"})
public record PhaseSpec(
    int epochs,
    JsonNode optimizer,
    @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode schedule,
    int batchSize,
    boolean keepState,
    @JsonIgnore OptimizerSpec optimizerSpec,
    @JsonIgnore ScheduleSpec scheduleSpec) {

  /** Keeps private copies of the JSON parts, so that a spec cannot change once built. */
  public PhaseSpec {
    optimizer = JsonCopies.copy(optimizer);
    schedule = JsonCopies.copy(schedule);
  }

  @Override
  public JsonNode optimizer() {
    return JsonCopies.copy(optimizer);
  }

  @Override
  public JsonNode schedule() {
    return JsonCopies.copy(schedule);
  }
}
