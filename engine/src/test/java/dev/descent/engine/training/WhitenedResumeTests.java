package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.Preprocessing;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whitened job stores its fitted preprocessing in every checkpoint (Polyak averages included), and a run resumed
 * from a periodic checkpoint ends bit-identical to an uninterrupted one.
 */
class WhitenedResumeTests {
  private static final TrainingSpec SPEC = SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"whiten\":\"zca\","
      + "\"whitenEpsilon\":1e-3},\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":8},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.02},\"epochs\":4,\"batchSize\":16,"
      + "\"checkpoint\":{\"everyEpochs\":1},\"averaging\":[{\"type\":\"ema\",\"decay\":0.9}]}", EngineLimits.DEFAULTS);

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void everyCheckpointCarriesTheTransformAndAResumeEndsBitIdentical() {
    RecordingContext straight = new RecordingContext();
    TrainingOutcome expected = engine.run(SPEC, straight.context());
    byte[] fitted = TrainingData.prepare(SPEC.dataset(), SPEC.seed()).preprocessing().bytes();
    for (Checkpoint checkpoint : straight.checkpoints) {
      assertThat(NetworkSnapshots.preprocessing(checkpoint.content()).map(Preprocessing::bytes)).as(checkpoint.kind())
          .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(fitted));
    }

    RecordingContext first = new RecordingContext();
    engine.run(SPEC, first.context(() -> !LoopSpecs.ofKind(first.checkpoints, "periodic").isEmpty(), null));
    RecordingContext resumed = new RecordingContext();
    TrainingOutcome outcome = engine.run(SPEC,
        resumed.context(() -> false, LoopSpecs.ofKind(first.checkpoints, "periodic").get(0).content()));

    for (String kind : List.of("final", "polyak-ema")) {
      assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, kind)).toFloatVector()).as(kind)
          .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, kind)).toFloatVector());
    }
    assertThat(outcome.finalMetrics()).isEqualTo(expected.finalMetrics());
  }
}
