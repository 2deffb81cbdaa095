package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs resumed from mid-epoch checkpoints (iteration checkpoints every 5 of 8 batches an epoch) end bit-identical to
 * an uninterrupted run, with clipping and gradient noise on: parameters, Polyak averages, plateau-scheduled
 * learning rates and the last epoch's metrics.
 */
class MidEpochResumeTests {
  private static final TrainingSpec SPEC = LoopSpecs.iris(
      "{\"type\":\"adam\",\"lr\":0.02,\"clip_grad_norm\":0.5,\"grad_noise\":{\"eta\":0.01}}", 4,
      ",\"schedule\":{\"type\":\"plateau\",\"patience\":0,\"threshold\":0.5},"
          + "\"checkpoint\":{\"everyIterations\":5},"
          + "\"averaging\":[{\"type\":\"arithmetic\",\"start\":3},{\"type\":\"ema\",\"decay\":0.9}]");

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void resumedOnceAndTwiceEndBitIdentical() {
    RecordingContext straight = new RecordingContext();
    TrainingOutcome expected = engine.run(SPEC, straight.context());

    Checkpoint first = runUntilPeriodic(null, 2);
    assertThat(first.step()).isEqualTo(10);
    RecordingContext once = new RecordingContext();
    TrainingOutcome resumedOnce = engine.run(SPEC, once.context(() -> false, first.content()));

    Checkpoint second = runUntilPeriodic(first.content(), 2);
    assertThat(second.step()).isEqualTo(20);
    RecordingContext twice = new RecordingContext();
    TrainingOutcome resumedTwice = engine.run(SPEC, twice.context(() -> false, second.content()));

    for (RecordingContext resumed : List.of(once, twice)) {
      for (String kind : List.of("final", "polyak-arith", "polyak-ema")) {
        assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, kind)).toFloatVector()).as(kind)
            .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, kind)).toFloatVector());
      }
      int steps = resumed.values("lr").size();
      assertThat(resumed.values("lr"))
          .isEqualTo(straight.values("lr").subList(straight.values("lr").size() - steps, 32));
    }
    assertThat(resumedOnce.finalMetrics()).isEqualTo(expected.finalMetrics()).containsKey("val_loss@polyak-ema");
    assertThat(resumedTwice.finalMetrics()).isEqualTo(expected.finalMetrics());
    assertThat(once.points("loss").get(0).step()).isEqualTo(11);
    assertThat(straight.values("lr")).as("the plateau schedule acted").contains(0.002);
  }

  private Checkpoint runUntilPeriodic(byte[] resumeFrom, int periodicCount) {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(SPEC,
        rec.context(() -> LoopSpecs.ofKind(rec.checkpoints, "periodic").size() >= periodicCount, resumeFrom));
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    List<Checkpoint> periodic = LoopSpecs.ofKind(rec.checkpoints, "periodic");
    return periodic.get(periodic.size() - 1);
  }
}
