package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A job's spec with every default filled in (see {@code docs/job-spec.md}). {@code optimizer} and {@code schedule}
 * stay JSON (PyTorch names) and are interpreted by {@code dev.descent.engine.optim.OptimizerSpecs}; {@code schedule}
 * is null for a constant learning rate;
 * {@code averaging} lists the Polyak averages (empty for none). Built by {@link SpecParser#parse}.
 */
@JsonPropertyOrder({
  "name", "seed", "dataset", "model", "optimizer", "schedule", "epochs", "batchSize", "checkpoint", "priority",
  "maxAttempts", "averaging"
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
    List<AveragingSpec> averaging) implements JobSpec {

  /** Keeps private copies of the JSON parts, so that a spec cannot change once built. */
  public TrainingSpec {
    optimizer = optimizer == null ? null : optimizer.deepCopy();
    schedule = schedule == null ? null : schedule.deepCopy();
    averaging = averaging == null ? List.of() : List.copyOf(averaging);
  }

  /** A spec without Polyak averages. */
  public TrainingSpec(String name, long seed, DatasetSpec dataset, ModelSpec model, JsonNode optimizer,
      JsonNode schedule, int epochs, int batchSize, CheckpointPolicy checkpoint, int priority, int maxAttempts) {
    this(name, seed, dataset, model, optimizer, schedule, epochs, batchSize, checkpoint, priority, maxAttempts,
        List.of());
  }

  /** A copy of the optimizer JSON. */
  @Override
  public JsonNode optimizer() {
    return optimizer == null ? null : optimizer.deepCopy();
  }

  /** A copy of the schedule JSON, or null for a constant learning rate. */
  @Override
  public JsonNode schedule() {
    return schedule == null ? null : schedule.deepCopy();
  }

  @Override
  public int keepLast() {
    return checkpoint.keepLast();
  }
}
