package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.optim.updater.SgdConfig;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * Phases change the optimizer and the batch size at the right update, restart their schedules, keep the optimizer
 * state only when asked (then a phased run equals an unphased one bit for bit), and a run resumed from a checkpoint
 * in either phase, or at the boundary, ends bit-identical to an uninterrupted one.
 */
class PhasedTrainingTests {
  /** Iris: 120 training samples; phase 0 has 8 batches an epoch (16 updates), phase 1 3 batches (9 updates). */
  private static final String ADAM_THEN_SGD = "{\"epochs\":2,\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},"
      + "\"batchSize\":16},{\"epochs\":3,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9},"
      + "\"schedule\":{\"type\":\"exponential\",\"gamma\":0.5,\"unit\":\"iteration\"},\"batchSize\":40}";

  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec phased(String phases, String extra) {
    return LoopSpecs.irisWithout(",\"phases\":[" + phases + "]" + extra);
  }

  @Test
  void switchesOptimizerBatchSizeAndScheduleAtThePhaseBoundary() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(phased(ADAM_THEN_SGD, ""), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.iterations()).isEqualTo(25);
    List<Double> lrs = rec.values("lr");
    assertThat(lrs).hasSize(25);
    assertThat(lrs.subList(0, 16)).containsOnly(0.01);
    for (int i = 0; i < 9; i++) {
      assertThat(lrs.get(16 + i)).as("update %d", 17 + i).isEqualTo(0.05 * Math.pow(0.5, i));
    }
    assertThat(rec.points("phase")).extracting(MetricPoint::step).startsWith(1L).contains(16L, 17L, 25L);
    assertThat(rec.points("batch_size").stream().filter(p -> p.step() == 17).findFirst().orElseThrow().value())
        .isEqualTo(40.0);
    assertThat(rec.progress.get(rec.progress.size() - 1).totalIterations()).isEqualTo(25);
    MultiLayerNetwork last = NetworkSnapshots.read(LoopSpecs.last(rec.checkpoints, "final").content());
    assertThat(((BaseLayer) last.getOutputLayer().conf().getLayer()).getIUpdater()).isInstanceOf(SgdConfig.class);
  }

  @Test
  void keepingTheStateOfTheSameOptimizerEqualsOneUnphasedRun() {
    String adam = "{\"type\":\"adam\",\"lr\":0.01}";
    TrainingSpec kept = phased("{\"epochs\":2,\"optimizer\":" + adam + ",\"batchSize\":16},"
        + "{\"epochs\":2,\"optimizer\":" + adam + ",\"batchSize\":16,\"keepState\":true}", "");
    TrainingSpec fresh = phased("{\"epochs\":2,\"optimizer\":" + adam + ",\"batchSize\":16},"
        + "{\"epochs\":2,\"optimizer\":" + adam + ",\"batchSize\":16}", "");
    float[] plain = finalParameters(LoopSpecs.iris(adam, 4, ""));
    assertThat(finalParameters(kept)).isEqualTo(plain);
    assertThat(finalParameters(fresh)).isNotEqualTo(plain);
  }

  @Test
  void resumedInEitherPhaseOrAtTheBoundaryEndsBitIdentical() {
    TrainingSpec spec = phased(ADAM_THEN_SGD, ",\"checkpoint\":{\"everyIterations\":5,\"everyEpochs\":1}");
    RecordingContext straight = new RecordingContext();
    engine.run(spec, straight.context());
    float[] expected = LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector();
    List<Checkpoint> periodic = LoopSpecs.ofKind(straight.checkpoints, "periodic");
    assertThat(periodic).extracting(Checkpoint::step).contains(10L, 16L, 20L);
    for (Checkpoint from : periodic) {
      RecordingContext resumed = new RecordingContext();
      engine.run(spec, resumed.context(() -> false, from.content()));
      assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
          .as("resumed from step %d", from.step()).isEqualTo(expected);
      int steps = resumed.values("lr").size();
      assertThat(resumed.values("lr")).isEqualTo(straight.values("lr").subList(25 - steps, 25));
    }
  }

  private float[] finalParameters(TrainingSpec spec) {
    RecordingContext rec = new RecordingContext();
    engine.run(spec, rec.context());
    return LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "final")).toFloatVector();
  }
}
