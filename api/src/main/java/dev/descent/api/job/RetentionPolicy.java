package dev.descent.api.job;

import dev.descent.engine.spec.CheckpointPolicy;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A job spec's checkpoint retention (last K, best K by a metric), as the store applies it and the API shows it. */
public final class RetentionPolicy {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RetentionPolicy() {}

  public static Retention of(JobSpec spec) {
    if (!(spec instanceof TrainingSpec training)) {
      return new Retention(spec.keepLast(), 0, CheckpointPolicy.DEFAULT_BEST_METRIC, false);
    }
    CheckpointPolicy policy = training.checkpoint();
    String metric = policy.bestMetric();
    boolean higherIsBetter = switch (policy.bestMode()) {
      case "max" -> true;
      case "min" -> false;
      default -> Retention.higherIsBetterByDefault(metric);
    };
    return new Retention(policy.keepLast(), policy.keepBest(), metric, higherIsBetter);
  }

  /**
   * The retention of a stored spec (one the engine wrote at submit, every default filled in), read from its
   * {@code checkpoint} object alone: listing a job's checkpoints must not depend on what re-validating the whole spec
   * depends on today (its dataset folder still being there, the server's current limits).
   */
  static Retention ofStored(String specJson) {
    JsonNode checkpoint = JSON.readTree(specJson).path("checkpoint");
    boolean training = !OnlineJobSpec.TASK.equals(JSON.readTree(specJson).path(JobSpecs.TASK).asString(""));
    int keepLast = checkpoint.path("keepLast").asInt(CheckpointPolicy.DEFAULT_KEEP_LAST);
    String metric = checkpoint.path("bestMetric").asString(CheckpointPolicy.DEFAULT_BEST_METRIC);
    if (!training) {
      return new Retention(keepLast, 0, CheckpointPolicy.DEFAULT_BEST_METRIC, false);
    }
    boolean higherIsBetter = switch (checkpoint.path("bestMode").asString(CheckpointPolicy.DEFAULT_BEST_MODE)) {
      case "max" -> true;
      case "min" -> false;
      default -> Retention.higherIsBetterByDefault(metric);
    };
    return new Retention(
        keepLast, checkpoint.path("keepBest").asInt(CheckpointPolicy.DEFAULT_KEEP_BEST), metric, higherIsBetter);
  }

  /** The periodic checkpoints kept as the best K by the policy's metric ({@link Retention#best}: finite only). */
  static Set<UUID> best(List<CheckpointInfo> checkpoints, Retention retention) {
    return retention.best(checkpoints.stream().filter(c -> CheckpointKinds.is(c, CheckpointKind.PERIODIC)).toList());
  }
}
