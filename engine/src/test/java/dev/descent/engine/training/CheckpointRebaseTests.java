package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.support.RecordingContext;
import dev.descent.engine.validation.SpecException;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** "Continue training with a lower rate": a checkpoint carried over to a changed optimizer spec. */
class CheckpointRebaseTests {
  private static final String SPEC = "{\"seed\":3,\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":["
      + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":%s},\"epochs\":%d,\"batchSize\":16}";

  @Test
  void keepsParametersStateAndCountersAndTakesTheNewRate() {
    byte[] first = finalCheckpoint(spec("0.01", 3), null);
    TrainingSpec slower = spec("0.001", 6);

    byte[] rebased = CheckpointRebase.withSpec(first, slower);

    MultiLayerNetwork before = NetworkSnapshots.read(first);
    MultiLayerNetwork after = NetworkSnapshots.read(rebased);
    assertThat(after.params()).isEqualTo(before.params());
    assertThat(after.getUpdater().getStateViewArray()).isEqualTo(before.getUpdater().getStateViewArray());
    assertThat(after.getIterationCount()).isEqualTo(before.getIterationCount()).isPositive();
    assertThat(after.getEpochCount()).isEqualTo(3);
    BaseLayer layer = (BaseLayer) after.getLayer(0).conf().getLayer();
    assertThat(layer.getIUpdater().getLearningRate(after.getIterationCount(), 3)).isEqualTo(0.001);

    AtomicReference<TrainingOutcome> outcome = new AtomicReference<>();
    byte[] end = finalCheckpoint(slower, rebased, outcome);
    assertThat(outcome.get().status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.get().iterations()).isEqualTo(2L * before.getIterationCount());
    assertThat(NetworkSnapshots.read(end).getEpochCount()).isEqualTo(6);
  }

  @Test
  void refusesAnotherOptimizerType() {
    byte[] first = finalCheckpoint(spec("0.01", 1), null);
    TrainingSpec sgd = SpecParser.parse(String.format(SPEC, "0.01", 2).replace("adam", "sgd"),
        EngineLimits.DEFAULTS);
    assertThatThrownBy(() -> CheckpointRebase.withSpec(first, sgd))
        .isInstanceOfSatisfying(SpecException.class,
            e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/changes/optimizer"));
  }

  private static TrainingSpec spec(String lr, int epochs) {
    return SpecParser.parse(String.format(SPEC, lr, epochs), EngineLimits.DEFAULTS);
  }

  private static byte[] finalCheckpoint(TrainingSpec spec, byte[] resumeFrom) {
    return finalCheckpoint(spec, resumeFrom, new AtomicReference<>());
  }

  private static byte[] finalCheckpoint(TrainingSpec spec, byte[] resumeFrom, AtomicReference<TrainingOutcome> out) {
    RecordingContext rec = new RecordingContext();
    out.set(new TrainingEngine().run(spec, rec.context(CancellationToken.NEVER, resumeFrom)));
    return rec.checkpoints.isEmpty() ? null : rec.checkpoints.get(rec.checkpoints.size() - 1).content();
  }
}
