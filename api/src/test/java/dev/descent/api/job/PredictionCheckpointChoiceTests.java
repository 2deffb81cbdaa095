package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.validation.SpecException;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which stored checkpoint a prediction request names ({@link CheckpointChoice}), without a database. */
class PredictionCheckpointChoiceTests {
  private static final UUID JOB = UUID.randomUUID();
  private static final Retention BY_VAL_LOSS = new Retention(3, 0, "val_loss", false);
  private final CheckpointInfo early = info("periodic", 10, 0.5);
  private final CheckpointInfo better = info("periodic", 20, 0.2);
  private final CheckpointInfo nan = info("periodic", 30, Double.NaN);
  private final CheckpointInfo last = info("final", 40, 0.3);
  private final CheckpointInfo ema = info("polyak-ema", 40, 0.25);
  private final List<CheckpointInfo> all = List.of(early, better, nan, last, ema);

  @Test
  void finalBestAndIdsPickTheirCheckpointInTheirVariant() {
    assertThat(choose(all, "final", null)).isEqualTo(last);
    assertThat(choose(all, "final", "raw")).isEqualTo(last);
    assertThat(choose(all, "final", "polyak-ema")).isEqualTo(ema);
    assertThat(choose(all, "best", null)).isEqualTo(better);
    assertThat(choose(all, "best", null, new Retention(3, 0, "val_loss", true))).isEqualTo(early);
    assertThat(choose(all, early.id().toString(), null)).isEqualTo(early);
    assertThat(choose(all, ema.id().toString(), null)).isEqualTo(ema);
    assertThat(choose(all, ema.id().toString(), "polyak-ema")).isEqualTo(ema);
  }

  @Test
  void whatCannotBeChosenIsAProblemNamingItsField() {
    assertPointer(() -> choose(List.of(), "final", null), "/checkpoint");
    assertPointer(() -> choose(List.of(early), "final", null), "/checkpoint");
    assertPointer(() -> choose(List.of(nan, last), "best", null), "/checkpoint");
    assertPointer(() -> choose(all, "latest", null), "/checkpoint");
    assertPointer(() -> choose(all, "final", "polyak-arithmetic"), "/variant");
    assertPointer(() -> choose(all, "best", "polyak-ema"), "/variant");
    assertPointer(() -> choose(all, ema.id().toString(), "raw"), "/variant");
    assertPointer(() -> choose(all, last.id().toString(), "polyak-ema"), "/variant");
    assertThatThrownBy(() -> choose(all, UUID.randomUUID().toString(), null))
        .isInstanceOf(JobNotFoundException.class);
  }

  private static CheckpointInfo choose(List<CheckpointInfo> from, String checkpoint, String variant) {
    return choose(from, checkpoint, variant, BY_VAL_LOSS);
  }

  private static CheckpointInfo choose(List<CheckpointInfo> from, String checkpoint, String variant,
      Retention retention) {
    return CheckpointChoice.choose(JOB, from, new PredictionRequest(checkpoint, variant, null, null, "validation"),
        retention);
  }

  private static void assertPointer(Runnable call, String pointer) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(SpecException.class,
        e -> assertThat(e.violations().get(0).pointer()).isEqualTo(pointer));
  }

  private static CheckpointInfo info(String kind, long step, double valLoss) {
    return new CheckpointInfo(UUID.randomUUID(), JOB, 1, kind, step, (int) step / 10, 1, "", Map.of("val_loss",
        valLoss), Instant.EPOCH.plusSeconds(step));
  }
}
