package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which checkpoints the API lists as "best": the best K periodic ones by the policy's metric, finite values only; a
 * stored spec's retention read from its JSON alone equals the parsed spec's.
 */
class RetentionPolicyTests {
  @Test
  void theBestKPeriodicCheckpointsByTheMetricInItsDirection() {
    CheckpointInfo a = periodic(0.5);
    CheckpointInfo b = periodic(0.2);
    CheckpointInfo c = periodic(Double.NaN);
    CheckpointInfo d = periodic(0.3);
    CheckpointInfo last = new CheckpointInfo(UUID.randomUUID(), UUID.randomUUID(), 1, "final", 9, 1, 1, "x",
        Map.of("val_loss", 0.0), Instant.EPOCH);
    List<CheckpointInfo> all = List.of(a, b, c, d, last);

    assertThat(RetentionPolicy.best(all, new Retention(1, 2, "val_loss", false))).containsOnly(b.id(), d.id());
    assertThat(RetentionPolicy.best(all, new Retention(1, 1, "val_loss", true))).containsOnly(a.id());
    assertThat(RetentionPolicy.best(all, new Retention(1, 0, "val_loss", false))).isEmpty();
  }

  @Test
  void aStoredSpecsRetentionIsTheOneItsParsedSpecHas() {
    String training = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"epochs\":2,\"checkpoint\":%s}";
    String online = "{\"task\":\"online\",\"stream\":{\"name\":\"breast_cancer\"},"
        + "\"learner\":{\"algorithm\":\"ftrl\",\"loss\":\"logistic\"},\"checkpoint\":{\"keepLast\":5}}";
    for (String spec : List.of(training.formatted("{}"),
        training.formatted("{\"everyEpochs\":1,\"keepLast\":1,\"keepBest\":2,\"bestMetric\":\"val_accuracy\"}"),
        training.formatted("{\"everyEpochs\":1,\"keepBest\":4,\"bestMetric\":\"train_loss\",\"bestMode\":\"max\"}"),
        online)) {
      JobSpec parsed = JobSpecs.parse(spec, EngineLimits.DEFAULTS);
      Retention stored = RetentionPolicy.ofStored(JobSpecs.toJson(parsed));
      assertThat(stored).as(spec).isEqualTo(RetentionPolicy.of(parsed));
    }
    assertThat(RetentionPolicy.ofStored(JobSpecs.toJson(JobSpecs.parse(training.formatted(
        "{\"everyEpochs\":1,\"keepBest\":2,\"bestMetric\":\"val_accuracy\"}"), EngineLimits.DEFAULTS))))
        .isEqualTo(new Retention(3, 2, "val_accuracy", true));
  }

  private static CheckpointInfo periodic(double valLoss) {
    return new CheckpointInfo(UUID.randomUUID(), UUID.randomUUID(), 1, "periodic", 1, 1, 1, "x",
        Map.of("val_loss", valLoss), Instant.EPOCH);
  }
}
