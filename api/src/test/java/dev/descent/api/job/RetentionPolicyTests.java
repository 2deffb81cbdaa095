package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which checkpoints the API lists as "best": the best K periodic ones by the policy's metric, finite values only. */
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

  private static CheckpointInfo periodic(double valLoss) {
    return new CheckpointInfo(UUID.randomUUID(), UUID.randomUUID(), 1, "periodic", 1, 1, 1, "x",
        Map.of("val_loss", valLoss), Instant.EPOCH);
  }
}
