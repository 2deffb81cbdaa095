package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import java.util.List;

/**
 * A job's spec with every default filled in (see {@code docs/job-spec.md}). The optimizer and the schedule are read
 * once into records, {@link #optimizerSpec} and {@link #scheduleSpec} (null for a constant learning rate), which are
 * all the engine reads; {@link #optimizer} and {@link #schedule} keep the canonical JSON (PyTorch names) for output
 * only, so that the stored spec is written as it always was. {@code averaging} lists the Polyak averages (empty for
 * none); {@code earlyStopping} and {@code diagnostics} are null when off (and then absent from the JSON); {@code rules}
 * lists the job's rules ({@link RuleSpec}; empty for none, and then absent from the JSON). {@code phases} is empty
 * unless the job runs in phases ({@link PhaseSpec}); then {@code epochs} is their sum and the optimizer, schedule and
 * batch size are the first phase's. {@code init} is the warm start ({@link WarmStartSpec}; null for none, and then
 * absent from the JSON). {@code curriculum} orders the training examples easy to hard ({@link CurriculumSpec}; null
 * for none, and then absent from the JSON). {@code pretraining} is the greedy layer-wise pretraining before the
 * epochs ({@link PretrainingSpec}; null for none, and then absent from the JSON). Built by {@link SpecParser#parse}.
 */
@JsonPropertyOrder({
  "name", "seed", "dataset", "model", "optimizer", "schedule", "epochs", "batchSize", "checkpoint", "priority",
  "maxAttempts", "averaging", "earlyStopping", "diagnostics", "rules", "phases", "init", "curriculum",
  "pretraining"
})
public record TrainingSpec(
    String name,
    long seed,
    DatasetSpec dataset,
    ModelSpec model,
    JsonNode optimizer,
    @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode schedule,
    int epochs,
    int batchSize,
    CheckpointPolicy checkpoint,
    int priority,
    int maxAttempts,
    List<AveragingSpec> averaging,
    @JsonInclude(JsonInclude.Include.NON_NULL) EarlyStoppingSpec earlyStopping,
    @JsonInclude(JsonInclude.Include.NON_NULL) DiagnosticsSpec diagnostics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleSpec> rules,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PhaseSpec> phases,
    @JsonInclude(JsonInclude.Include.NON_NULL) WarmStartSpec init,
    @JsonInclude(JsonInclude.Include.NON_NULL) CurriculumSpec curriculum,
    @JsonInclude(JsonInclude.Include.NON_NULL) PretrainingSpec pretraining,
    @JsonIgnore OptimizerSpec optimizerSpec,
    @JsonIgnore ScheduleSpec scheduleSpec) implements JobSpec {

  /** Keeps private copies of the JSON parts, so that a spec cannot change once built. */
  public TrainingSpec {
    optimizer = JsonCopies.copy(optimizer);
    schedule = JsonCopies.copy(schedule);
    averaging = averaging == null ? List.of() : List.copyOf(averaging);
    rules = rules == null ? List.of() : List.copyOf(rules);
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  /** A copy of the canonical optimizer JSON, for output; the engine reads {@link #optimizerSpec}. */
  @Override
  public JsonNode optimizer() {
    return JsonCopies.copy(optimizer);
  }

  /** A copy of the schedule JSON (null for a constant rate), for output; the engine reads {@link #scheduleSpec}. */
  @Override
  public JsonNode schedule() {
    return JsonCopies.copy(schedule);
  }

  @Override
  public int keepLast() {
    return checkpoint.keepLast();
  }
}
