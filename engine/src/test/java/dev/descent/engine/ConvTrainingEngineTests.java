package dev.descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.support.RecordingContext;
import org.junit.jupiter.api.Test;

/** Convolutional specs run end to end through the engine, as a job would. */
class ConvTrainingEngineTests {
  @Test
  void aCnnThatStartsWithPoolingTrainsOnBarsAndCheckpoints() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(SpecParser.parse("{\"seed\":2,\"dataset\":{\"name\":\"bars\"},"
        + "\"model\":{\"layers\":[{\"type\":\"avgpool2d\",\"kernel\":1},{\"type\":\"conv2d\",\"filters\":4,"
        + "\"kernel\":3,\"activation\":\"identity\"},{\"type\":\"groupnorm\",\"groups\":2,\"activation\":\"relu\"},"
        + "{\"type\":\"globalavgpool\"},{\"type\":\"output\"}],\"biasInit\":{\"type\":\"zero\",\"outputPrior\":true}},"
        + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.03},\"epochs\":6,\"batchSize\":16}", EngineLimits.DEFAULTS),
        rec.context());
    assertThat(outcome.status()).as(outcome.failureMessage()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.finalMetrics().get("val_accuracy")).isGreaterThan(0.5);
    assertThat(rec.checkpoints).extracting(c -> c.kind()).containsExactly("final");
  }
}
