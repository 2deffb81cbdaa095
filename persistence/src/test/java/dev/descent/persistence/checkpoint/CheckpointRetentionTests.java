package dev.descent.persistence.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CheckpointRetentionTests extends PostgresIntegrationTest {
  /** val_loss of periodic checkpoints at steps 10, 20, …, 100. */
  private static final double[] VAL_LOSS = {0.9, 0.5, 0.7, 0.2, 0.8, 0.3, 0.6, 0.95, 0.4, 0.85};

  @Autowired CheckpointStore store;
  @Autowired JobService jobs;
  @Autowired JdbcClient jdbc;

  private UUID jobId;
  private long baseline;

  @BeforeEach
  void newJob() {
    jobId = jobs.create(new NewJob("retention", "{}", 0, 3)).id();
    baseline = largeObjects();
  }

  @Test
  void lastTwoUnitedWithBestThreeByValLossSurviveAndTheRestIsUnlinked() {
    saveTenPeriodic();
    store.save(jobId, 1, "final", 100, 10, new byte[] {7}, Map.of());

    int deleted = store.retain(jobId, "periodic", new Retention(2, 3, "val_loss", false));

    assertThat(deleted).isEqualTo(6);
    assertThat(steps("periodic")).containsExactly(100L, 90L, 60L, 40L);
    assertThat(steps("final")).containsExactly(100L);
    assertThat(largeObjects()).isEqualTo(baseline + 5);
  }

  @Test
  void higherIsBetterKeepsTheLargestAndIgnoresMissingMetrics() {
    saveTenPeriodic();
    store.save(jobId, 1, "periodic", 110, 11, new byte[] {1}, Map.of("loss", 0.0));

    store.retain(jobId, "periodic", new Retention(0, 2, "val_loss", true));

    assertThat(steps("periodic")).containsExactly(80L, 10L);
    assertThat(Retention.higherIsBetterByDefault("val_loss")).isFalse();
    assertThat(Retention.higherIsBetterByDefault("val_mse")).isFalse();
    assertThat(Retention.higherIsBetterByDefault("val_accuracy")).isTrue();
  }

  @Test
  void nonFiniteValuesAreNeverBestInEitherDirection() {
    double[] values = {Double.NEGATIVE_INFINITY, 0.4, Double.NaN, 0.1, Double.POSITIVE_INFINITY, 0.7};
    for (int i = 0; i < values.length; i++) {
      store.save(jobId, 1, "periodic", 10L * (i + 1), i + 1, new byte[] {(byte) i}, Map.of("val_loss", values[i]));
    }
    Retention lowest = new Retention(0, 2, "val_loss", false);
    Retention highest = new Retention(0, 2, "val_loss", true);
    assertThat(lowest.best(store.list(jobId))).containsExactly(idAt(40), idAt(20));
    assertThat(highest.best(store.list(jobId))).containsExactly(idAt(60), idAt(20));

    assertThat(store.retain(jobId, "periodic", lowest)).isEqualTo(4);
    assertThat(steps("periodic")).containsExactly(40L, 20L);
  }

  @Test
  void deletingACheckpointOrItsJobUnlinksTheLargeObjects() {
    saveTenPeriodic();
    assertThat(largeObjects()).isEqualTo(baseline + 10);

    assertThat(store.delete(jobId, store.list(jobId).get(0).id())).isTrue();
    assertThat(largeObjects()).isEqualTo(baseline + 9);

    jdbc.sql("DELETE FROM job WHERE id = ?").param(jobId).update();
    assertThat(store.list(jobId)).isEmpty();
    assertThat(largeObjects()).isEqualTo(baseline);
  }

  private void saveTenPeriodic() {
    for (int i = 0; i < VAL_LOSS.length; i++) {
      byte[] content = {(byte) i, 1, 2, 3};
      store.save(jobId, 1, "periodic", 10L * (i + 1), i + 1, content, Map.of("val_loss", VAL_LOSS[i]));
    }
  }

  private UUID idAt(long step) {
    return store.list(jobId).stream().filter(c -> c.step() == step).findFirst().orElseThrow().id();
  }

  private List<Long> steps(String kind) {
    return store.list(jobId).stream().filter(c -> c.kind().equals(kind)).map(CheckpointInfo::step).toList();
  }

  private long largeObjects() {
    return jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();
  }
}
