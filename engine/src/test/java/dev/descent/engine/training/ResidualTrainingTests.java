package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spec with residual blocks (conv + our batch norm inside, dropout inside, AdamW's weight decay on the inner
 * layers) runs through the engine as a job would and learns the digits; a run resumed from a checkpoint ends
 * bit-identical to the uninterrupted one (inner parameters, batch-norm running statistics, updater state).
 */
class ResidualTrainingTests {
  private static final TrainingSpec SPEC = SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"digits\"},"
      + "\"model\":{\"layers\":["
      + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"},"
      + "{\"type\":\"batchnorm\",\"activation\":\"relu\"},"
      + "{\"type\":\"residual\",\"layers\":["
      + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"},"
      + "{\"type\":\"batchnorm\",\"activation\":\"relu\"},"
      + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\",\"activation\":\"identity\"},"
      + "{\"type\":\"batchnorm\"}]},"
      + "{\"type\":\"maxpool2d\",\"kernel\":2},"
      + "{\"type\":\"residual\",\"activation\":\"identity\",\"layers\":[{\"type\":\"dropout\",\"rate\":0.1},"
      + "{\"type\":\"conv2d\",\"filters\":8,\"kernel\":3,\"padding\":\"same\"}]},"
      + "{\"type\":\"globalavgpool\"},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adamw\",\"lr\":0.01,\"weight_decay\":0.01},"
      + "\"epochs\":6,\"batchSize\":32,\"checkpoint\":{\"everyEpochs\":3}}", EngineLimits.DEFAULTS);

  /** Two epochs, a mid-epoch checkpoint. Dropout in CNNs and blocks across a resume: {@code DropoutResumeTests}. */
  private static final TrainingSpec RESUMABLE = SpecParser.parse("{\"seed\":6,\"dataset\":{\"name\":\"bars\"},"
      + "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"},"
      + "{\"type\":\"residual\",\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\","
      + "\"activation\":\"identity\"},{\"type\":\"batchnorm\"}]},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adamw\",\"lr\":0.01,\"weight_decay\":0.01},"
      + "\"epochs\":2,\"batchSize\":16,\"checkpoint\":{\"everyIterations\":30}}", EngineLimits.DEFAULTS);

  @Test
  void aCnnWithResidualBlocksLearnsTheDigits() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(SPEC, rec.context());
    assertThat(outcome.status()).as(outcome.failureMessage()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    List<Double> trainLoss = rec.values("train_loss");
    assertThat(trainLoss).hasSize(6);
    assertThat(trainLoss.get(5)).isLessThan(trainLoss.get(0) * 0.5);
    assertThat(outcome.finalMetrics().get("val_accuracy")).isGreaterThan(0.8);
    assertThat(rec.checkpoints).extracting(Checkpoint::kind).containsExactly("periodic", "final");
  }

  @Test
  void aRunResumedFromAMidEpochCheckpointEndsBitIdentical() {
    TrainingEngine engine = new TrainingEngine();
    RecordingContext straight = new RecordingContext();
    engine.run(RESUMABLE, straight.context());
    Checkpoint resumePoint = LoopSpecs.ofKind(straight.checkpoints, "periodic").get(0);
    assertThat(resumePoint.step() % 20).as("a mid-epoch checkpoint (20 updates per epoch)").isNotZero();

    RecordingContext resumed = new RecordingContext();
    engine.run(RESUMABLE, resumed.context(() -> false, resumePoint.content()));
    assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector());
  }
}
