package dev.descent.persistence.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CheckpointStoreTests extends PostgresIntegrationTest {

  @Autowired CheckpointStore store;
  @Autowired JobService jobs;

  private UUID jobId;

  @BeforeEach
  void newJob() {
    jobId = jobs.create(new NewJob("checkpoints", "{}", 0, 3)).id();
  }

  @Test
  void savingTheSameContentAtTheSameKindAndStepAgainStoresNothingTwice() {
    CheckpointInfo first = store.save(jobId, 1, "periodic", 100, 2, bytes(1_000, 5), Map.of("loss", 0.5));

    CheckpointInfo again = store.save(jobId, 2, "periodic", 100, 2, bytes(1_000, 5), Map.of("loss", 0.5));
    CheckpointInfo rebased = store.save(jobId, 2, "periodic", 100, 2, bytes(1_000, 6), Map.of("loss", 0.5));
    CheckpointInfo otherKind = store.save(jobId, 1, "polyak-ema", 100, 2, bytes(1_000, 5), Map.of());

    assertThat(again).isEqualTo(first);
    assertThat(store.list(jobId)).extracting(CheckpointInfo::id)
        .containsExactlyInAnyOrder(first.id(), rebased.id(), otherKind.id());
    assertThat(store.content(jobId, rebased.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes(1_000, 6)));
  }

  @Test
  void aTrainingRunsCheckpointIsStoredOncePerKindAndStepWhateverItsBytes() {
    CheckpointInfo first = store.saveOncePerStep(jobId, 1, "final", 500, 9, bytes(1_000, 5), Map.of("loss", 0.5));

    CheckpointInfo again = store.saveOncePerStep(jobId, 1, "final", 500, 9, bytes(1_000, 6), Map.of("loss", 0.5));
    CheckpointInfo resumed = store.saveOncePerStep(jobId, 2, "final", 500, 9, bytes(1_000, 7), Map.of());
    CheckpointInfo otherKind = store.saveOncePerStep(jobId, 1, "polyak-ema", 500, 9, bytes(1_000, 8), Map.of());
    CheckpointInfo otherStep = store.saveOncePerStep(jobId, 1, "final", 600, 10, bytes(1_000, 9), Map.of());

    assertThat(again).isEqualTo(first);
    assertThat(resumed).isEqualTo(first);
    assertThat(store.list(jobId)).extracting(CheckpointInfo::id)
        .containsExactlyInAnyOrder(first.id(), otherKind.id(), otherStep.id());
    assertThat(store.content(jobId, first.id())).hasValueSatisfying(c -> assertThat(c).isEqualTo(bytes(1_000, 5)));
  }

  @Test
  void savedContentComesBackWithItsSizeAndSha256() throws Exception {
    byte[] content = bytes(300_000, 1);

    CheckpointInfo saved = store.save(jobId, 1, "final", 120, 10, content, Map.of("val_loss", 0.25));

    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    assertThat(saved.sha256()).isEqualTo(expected).hasSize(64);
    assertThat(saved.sizeBytes()).isEqualTo(content.length);
    assertThat(store.content(jobId, saved.id())).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    assertThat(store.find(jobId, saved.id())).contains(saved);
    assertThat(store.content(UUID.randomUUID(), saved.id())).isEmpty();
  }

  @Test
  void listGivesMetadataNewestStepFirstWithMetrics() {
    CheckpointInfo early = store.save(jobId, 1, "periodic", 10, 1, bytes(100, 2), Map.of("loss", 1.5));
    CheckpointInfo late =
        store.save(jobId, 2, "periodic", 20, 2, bytes(200, 3), Map.of("loss", Double.NaN, "acc", 0.5));

    List<CheckpointInfo> listed = store.list(jobId);

    assertThat(listed).containsExactly(late, early);
    assertThat(listed.get(0).metrics()).containsExactly(Map.entry("acc", 0.5), Map.entry("loss", Double.NaN));
    assertThat(listed.get(0).attempt()).isEqualTo(2);
    assertThat(store.list(UUID.randomUUID())).isEmpty();
  }

  @Test
  void keepLastPrunesOnlyOlderCheckpointsOfThatKind() {
    for (int epoch = 1; epoch <= 5; epoch++) {
      store.save(jobId, 1, "periodic", epoch * 10L, epoch, bytes(10, epoch), Map.of());
    }
    CheckpointInfo best = store.save(jobId, 1, "best", 10, 1, bytes(10, 9), Map.of());

    int deleted = store.keepLast(jobId, "periodic", 2);

    assertThat(deleted).isEqualTo(3);
    assertThat(store.list(jobId))
        .extracting(CheckpointInfo::kind, CheckpointInfo::step)
        .containsExactly(
            tuple("periodic", 50L),
            tuple("periodic", 40L),
            tuple("best", 10L));
    assertThat(store.keepLast(jobId, "periodic", 2)).isZero();
    assertThat(store.list(jobId)).contains(best);
  }

  @Test
  void deleteRemovesOneCheckpoint() {
    CheckpointInfo saved = store.save(jobId, 1, "final", 1, 1, bytes(10, 4), Map.of());

    assertThat(store.delete(jobId, saved.id())).isTrue();
    assertThat(store.delete(jobId, saved.id())).isFalse();
    assertThat(store.list(jobId)).isEmpty();
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
