package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stop that asks for a checkpoint (a draining service) gets a periodic one at the update where the loop stopped,
 * off the checkpoint cadence, and a run resumed from it ends bit-identical to an uninterrupted one, Polyak averages
 * included; a plain cancel stores nothing, and a stop at a step that was just checkpointed stores no second one.
 */
class DrainCheckpointTests {
  private static final TrainingSpec SPEC = LoopSpecs.iris("{\"type\":\"adam\",\"lr\":0.02}", 4,
      ",\"checkpoint\":{\"everyIterations\":5},\"averaging\":[{\"type\":\"ema\",\"decay\":0.9}]");

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void aDrainCheckpointsWhereItStoppedAndResumesBitIdentical() {
    RecordingContext straight = new RecordingContext();
    engine.run(SPEC, straight.context());

    RecordingContext drained = new RecordingContext();
    TrainingOutcome stopped = engine.run(SPEC, drained.context(drainAfter(drained, 13), null));
    assertThat(stopped.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    Checkpoint last = LoopSpecs.last(drained.checkpoints, "periodic");
    assertThat(last.step()).isEqualTo(13);

    RecordingContext resumed = new RecordingContext();
    engine.run(SPEC, resumed.context(CancellationToken.NEVER, last.content()));
    for (String kind : List.of("final", "polyak-ema")) {
      assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, kind)).toFloatVector()).as(kind)
          .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, kind)).toFloatVector());
    }
    assertThat(resumed.points("loss").get(0).step()).isEqualTo(14);
  }

  @Test
  void aCancelStoresNothingAndADrainOnACheckpointedStepStoresNoSecond() {
    RecordingContext cancelled = new RecordingContext();
    engine.run(SPEC, cancelled.context(() -> cancelled.progress.size() >= 13, null));
    assertThat(LoopSpecs.ofKind(cancelled.checkpoints, "periodic")).extracting(Checkpoint::step)
        .containsExactly(5L, 10L);

    RecordingContext drained = new RecordingContext();
    engine.run(SPEC, drained.context(drainAfter(drained, 10), null));
    assertThat(LoopSpecs.ofKind(drained.checkpoints, "periodic")).extracting(Checkpoint::step)
        .containsExactly(5L, 10L);
  }

  /** Stops once {@code updates} updates are done, asking for a checkpoint. */
  private static CancellationToken drainAfter(RecordingContext rec, int updates) {
    return new CancellationToken() {
      @Override
      public boolean isCancelled() {
        return rec.progress.size() >= updates;
      }

      @Override
      public boolean checkpointOnStop() {
        return true;
      }
    };
  }
}
