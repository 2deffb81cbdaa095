package dev.descent.persistence.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one best-K rule, without a database: only finite values rank, ties go to the higher step. */
class RetentionTests {

  @Test
  void nanAndBothInfinitiesAreNeverBest() {
    CheckpointInfo minusInf = periodic(1, Double.NEGATIVE_INFINITY);
    CheckpointInfo low = periodic(2, 0.1);
    CheckpointInfo nan = periodic(3, Double.NaN);
    CheckpointInfo high = periodic(4, 0.9);
    CheckpointInfo plusInf = periodic(5, Double.POSITIVE_INFINITY);
    CheckpointInfo missing = new CheckpointInfo(UUID.randomUUID(), UUID.randomUUID(), 1, "periodic", 6, 6, 1, "x",
        Map.of("loss", 0.0), Instant.EPOCH);
    List<CheckpointInfo> all = List.of(minusInf, low, nan, high, plusInf, missing);

    assertThat(new Retention(0, 5, "val_loss", false).best(all)).containsExactly(low.id(), high.id());
    assertThat(new Retention(0, 5, "val_loss", true).best(all)).containsExactly(high.id(), low.id());
    assertThat(new Retention(0, 1, "val_loss", true).best(all)).containsExactly(high.id());
  }

  @Test
  void keptIsTheLastByStepUnitedWithTheBest() {
    CheckpointInfo best = periodic(1, 0.1);
    CheckpointInfo tieOlder = periodic(2, 0.5);
    CheckpointInfo tieNewer = periodic(3, 0.5);
    CheckpointInfo diverged = periodic(4, Double.NaN);
    List<CheckpointInfo> all = List.of(best, tieOlder, tieNewer, diverged);

    assertThat(new Retention(1, 2, "val_loss", false).kept(all))
        .containsExactlyInAnyOrder(diverged.id(), best.id(), tieNewer.id());
    assertThat(Retention.lastOnly(2).kept(all)).containsExactlyInAnyOrder(diverged.id(), tieNewer.id());
    assertThat(new Retention(-1, -1, "val_loss", false).kept(all)).isEmpty();
  }

  private static CheckpointInfo periodic(long step, double valLoss) {
    return new CheckpointInfo(UUID.randomUUID(), UUID.randomUUID(), 1, "periodic", step, (int) step, 1, "x",
        Map.of("val_loss", valLoss), Instant.EPOCH);
  }
}
