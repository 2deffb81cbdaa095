package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import org.junit.jupiter.api.Test;

/** Dropout masks are part of the data order: a run resumed mid-epoch draws the same ones and ends bit-identical. */
class DropoutResumeTests {
  private static final TrainingSpec SPEC = SpecParser.parse("{\"seed\":5,\"dataset\":{\"name\":\"iris\"},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\",\"dropout\":0.3},"
      + "{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\",\"dropout\":0.3},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":4,\"batchSize\":16,"
      + "\"checkpoint\":{\"everyIterations\":5}}", EngineLimits.DEFAULTS);

  @Test
  void aResumedDropoutRunEndsBitIdentical() {
    TrainingEngine engine = new TrainingEngine();
    RecordingContext straight = new RecordingContext();
    engine.run(SPEC, straight.context());

    RecordingContext interrupted = new RecordingContext();
    engine.run(SPEC, interrupted.context(
        () -> LoopSpecs.ofKind(interrupted.checkpoints, "periodic").size() >= 3, null));
    Checkpoint resumePoint = LoopSpecs.last(interrupted.checkpoints, "periodic");
    assertThat(resumePoint.step() % 8).as("a mid-epoch checkpoint").isNotZero();

    RecordingContext resumed = new RecordingContext();
    engine.run(SPEC, resumed.context(() -> false, resumePoint.content()));

    assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector());
  }
}
