package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EarlyStoppingSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Early stopping stops at the epoch its rule computes from the metric history of a run without it, restores the
 * best epoch's parameters and updater state bit-identically, and resumes from a checkpoint to the same end.
 */
class EarlyStoppingTests {
  private static final String ADAM = "{\"type\":\"adam\",\"lr\":0.05}";
  private static final int EPOCHS = 40;

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void stopsAtTheEpochTheValLossHistoryGives() {
    String stopping = ",\"earlyStopping\":{\"patience\":2,\"minDelta\":0.01}";
    int expected = expectedStop("val_loss", LoopSpecs.iris(ADAM, EPOCHS, stopping).earlyStopping());
    assertThat(expected).isLessThan(EPOCHS);
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(LoopSpecs.iris(ADAM, EPOCHS, stopping), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.stopReason()).isEqualTo(TrainingOutcome.EARLY_STOPPING);
    assertThat(outcome.finalMetrics()).containsEntry("stopped_early", 1.0)
        .containsEntry("stopped_epoch", (double) expected);
    assertThat(rec.values("val_loss")).hasSize(expected);
    assertThat(rec.values("stopped_epoch")).containsExactly((double) expected);
  }

  @Test
  void modeMaxWatchesAccuracy() {
    String stopping = ",\"earlyStopping\":{\"metric\":\"val_accuracy\",\"mode\":\"max\",\"patience\":3}";
    int expected = expectedStop("val_accuracy", LoopSpecs.iris(ADAM, EPOCHS, stopping).earlyStopping());
    assertThat(expected).isLessThan(EPOCHS);
    TrainingOutcome outcome = engine.run(LoopSpecs.iris(ADAM, EPOCHS, stopping), new RecordingContext().context());
    assertThat(outcome.finalMetrics()).containsEntry("stopped_epoch", (double) expected);
  }

  @Test
  void watchesAPolyakAverage() {
    String averaging = ",\"averaging\":[{\"type\":\"ema\",\"decay\":0.9}]";
    String stopping = averaging + ",\"earlyStopping\":{\"metric\":\"val_loss@polyak-ema\",\"patience\":2,"
        + "\"minDelta\":0.01}";
    TrainingSpec spec = LoopSpecs.iris(ADAM, EPOCHS, stopping);
    int expected = expectedStop(ADAM, "val_loss@polyak-ema", spec.earlyStopping(), averaging);
    assertThat(expected).isLessThan(EPOCHS);
    TrainingOutcome outcome = engine.run(spec, new RecordingContext().context());
    assertThat(outcome.finalMetrics()).containsEntry("stopped_epoch", (double) expected);
  }

  @Test
  void fullBatchOptimizersStopAndRestoreTheBestStep() {
    String lbfgs = "{\"type\":\"lbfgs\",\"max_iter\":5}";
    String stopping = ",\"earlyStopping\":{\"patience\":2,\"minDelta\":0.001,\"restoreBest\":true}";
    TrainingSpec spec = LoopSpecs.iris(lbfgs, EPOCHS, stopping);
    int expected = expectedStop(lbfgs, "val_loss", spec.earlyStopping(), "");
    assertThat(expected).isLessThan(EPOCHS);
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec, rec.context());
    assertThat(outcome.finalMetrics()).containsEntry("stopped_epoch", (double) expected);
    RecordingContext shortRun = new RecordingContext();
    engine.run(LoopSpecs.iris(lbfgs, outcome.finalMetrics().get("best_epoch").intValue(), ""), shortRun.context());
    assertThat(LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(shortRun.checkpoints, "final")).toFloatVector());
  }

  @Test
  void restoreBestEndsWithTheBestEpochsParametersAndMetrics() {
    String stopping = ",\"earlyStopping\":{\"patience\":2,\"minDelta\":0.01,\"restoreBest\":true}";
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(LoopSpecs.iris(ADAM, EPOCHS, stopping), rec.context());
    int best = outcome.finalMetrics().get("best_epoch").intValue();
    assertThat(best).isLessThan(outcome.finalMetrics().get("stopped_epoch").intValue());

    RecordingContext shortRun = new RecordingContext();
    TrainingOutcome expected = engine.run(LoopSpecs.iris(ADAM, best, ""), shortRun.context());
    assertThat(expected.stopReason()).isNull();
    assertSameNetwork(LoopSpecs.last(rec.checkpoints, "final"), LoopSpecs.last(shortRun.checkpoints, "final"));
    Map<String, Double> metrics = new HashMap<>(outcome.finalMetrics());
    List.of("stopped_early", "stopped_epoch", "best_epoch").forEach(metrics::remove);
    assertThat(metrics).isEqualTo(expected.finalMetrics());
  }

  @Test
  void resumedFromACheckpointStopsWhereAnUninterruptedRunStops() {
    String stopping = ",\"checkpoint\":{\"everyEpochs\":1},"
        + "\"earlyStopping\":{\"patience\":3,\"minDelta\":0.01,\"restoreBest\":true}";
    TrainingSpec spec = LoopSpecs.iris(ADAM, EPOCHS, stopping);
    RecordingContext straight = new RecordingContext();
    TrainingOutcome expected = engine.run(spec, straight.context());
    int stoppedAt = expected.finalMetrics().get("stopped_epoch").intValue();

    RecordingContext first = new RecordingContext();
    engine.run(spec, first.context(() -> LoopSpecs.ofKind(first.checkpoints, "periodic").size() >= stoppedAt - 1,
        null));
    Checkpoint resumeFrom = LoopSpecs.last(first.checkpoints, "periodic");
    assertThat(resumeFrom.epoch()).isEqualTo(stoppedAt - 1);
    RecordingContext resumed = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec, resumed.context(() -> false, resumeFrom.content()));
    assertThat(outcome.finalMetrics()).isEqualTo(expected.finalMetrics());
    assertSameNetwork(LoopSpecs.last(resumed.checkpoints, "final"), LoopSpecs.last(straight.checkpoints, "final"));
  }

  /** The epoch (1-based) at which the rule stops, from the metric's history in a run without early stopping. */
  private int expectedStop(String metric, EarlyStoppingSpec rule) {
    return expectedStop(ADAM, metric, rule, "");
  }

  /** {@link #expectedStop(String, EarlyStoppingSpec)} for a spec with this optimizer and {@code extra} fields. */
  private int expectedStop(String optimizer, String metric, EarlyStoppingSpec rule, String extra) {
    RecordingContext rec = new RecordingContext();
    engine.run(LoopSpecs.iris(optimizer, EPOCHS, extra), rec.context());
    double best = Double.NaN;
    int waited = 0;
    List<Double> history = rec.values(metric);
    for (int epoch = 1; epoch <= history.size(); epoch++) {
      if (rule.improves(history.get(epoch - 1), best)) {
        best = history.get(epoch - 1);
        waited = 0;
      } else if (++waited >= rule.patience()) {
        return epoch;
      }
    }
    return EPOCHS;
  }

  private static void assertSameNetwork(Checkpoint actual, Checkpoint expected) {
    var a = NetworkSnapshots.read(actual.content());
    var e = NetworkSnapshots.read(expected.content());
    assertThat(a.params().toFloatVector()).isEqualTo(e.params().toFloatVector());
    assertThat(a.getUpdater().getStateViewArray().toFloatVector())
        .isEqualTo(e.getUpdater().getStateViewArray().toFloatVector());
  }
}
