package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Greedy supervised pretraining builds the network layer by layer: stage k trains a network of the first k hidden
 * layers under its own output layer (earlier layers frozen bit for bit with {@code freezeEarlier}), the job's
 * network ends with the configured architecture, the stages report {@code pretrain_loss} and {@code pretrain_stage}
 * in the job's steps and progress, two runs are identical, and a run resumed from a checkpoint inside any stage or
 * the training ends bit-identical to an uninterrupted one.
 */
class GreedyPretrainingTests {
  /** Iris (120 training samples), 4-8-8-8-3, batch 16: 8 updates an epoch, 3 stages of 16, then 16 of training. */
  private static final int STAGE_UPDATES = 16;
  private static final int TOTAL = 4 * STAGE_UPDATES;

  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec spec(boolean freeze, String checkpoint) {
    String hidden = "{\"type\":\"dense\",\"units\":8,\"activation\":\"tanh\"}";
    return SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
        + "\"model\":{\"layers\":[" + hidden + "," + hidden + "," + hidden + ",{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2,\"batchSize\":16,"
        + "\"pretraining\":{\"type\":\"greedy_supervised\",\"epochsPerLayer\":2,\"freezeEarlier\":" + freeze + "},"
        + "\"checkpoint\":" + checkpoint + "}", EngineLimits.DEFAULTS);
  }

  private static TrainingSpec spec(boolean freeze) {
    return spec(freeze, "{\"everyEpochs\":1}");
  }

  @Test
  void reportsTheStagesInTheJobsStepsMetricsAndProgress() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec(false), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.iterations()).isEqualTo(TOTAL);
    assertThat(rec.points("pretrain_loss")).extracting(MetricPoint::step)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 3 * STAGE_UPDATES).boxed().toList());
    assertThat(rec.points("loss")).extracting(MetricPoint::step).first().isEqualTo(3L * STAGE_UPDATES + 1);
    assertThat(rec.points("pretrain_stage")).extracting(p -> p.step() + ":" + (int) p.value())
        .containsExactly("1:1", "8:1", "16:1", "17:2", "24:2", "32:2", "33:3", "40:3", "48:3");
    assertThat(rec.points("pretrain_val_loss")).hasSize(6);
    assertThat(rec.points("val_loss")).extracting(MetricPoint::step).containsExactly(56L, 64L);
    Progress last = rec.progress.get(rec.progress.size() - 1);
    assertThat(last.iteration()).isEqualTo(TOTAL);
    assertThat(last.totalIterations()).isEqualTo(TOTAL);
    assertThat(last.epochs()).isEqualTo(8);
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(rec.progress).extracting(Progress::iteration).isSorted();
    assertThat(rec.checkpoints).extracting(Checkpoint::step).isSorted().doesNotHaveDuplicates();
    assertThat(LoopSpecs.ofKind(rec.checkpoints, "final")).hasSize(1);
  }

  @Test
  void eachStageTrainsItsLayersUnderATemporaryOutputAndTheJobKeepsItsArchitecture() {
    RecordingContext frozen = new RecordingContext();
    engine.run(spec(true), frozen.context());
    List<MultiLayerNetwork> stages = stageNetworks(frozen);
    for (int k = 0; k < 3; k++) {
      assertThat(stages.get(k).getnLayers()).as("stage %d", k + 1).isEqualTo(k + 2);
      assertThat(stages.get(k).getOutputLayer().getParam("W").shape()).containsExactly(8, 3);
    }
    // Frozen: layer 0 stays what stage 1 made of it through stages 2 and 3; layer 1 trains in stage 2 only.
    assertThat(layer(stages.get(2), 0)).isEqualTo(layer(stages.get(1), 0));
    assertThat(layer(stages.get(1), 0)).isNotEqualTo(layer(stages.get(0), 0));
    assertThat(layer(stages.get(2), 1)).isNotEqualTo(layer(stages.get(1), 1));
    MultiLayerNetwork job = NetworkSnapshots.read(LoopSpecs.last(frozen.checkpoints, "final").content());
    TrainingSpec spec = spec(true);
    assertThat(job.getnLayers()).isEqualTo(4);
    assertThat(job.numParams()).isEqualTo(SpecParser.parameterCount(spec));
    assertThat(layer(job, 0)).isNotEqualTo(layer(stages.get(2), 0)); // the training fine-tunes every layer
    // The temporary output layers are the stages' own (seed + stage), not the job's.
    assertThat(layer(stages.get(0), 1)).isNotEqualTo(layer(stages.get(1), 2));

    RecordingContext tuned = new RecordingContext();
    engine.run(spec(false), tuned.context());
    List<MultiLayerNetwork> fineTuned = stageNetworks(tuned);
    assertThat(layer(fineTuned.get(2), 0)).isNotEqualTo(layer(fineTuned.get(1), 0));
  }

  @Test
  void twoRunsAreIdentical() {
    RecordingContext first = new RecordingContext();
    RecordingContext second = new RecordingContext();
    engine.run(spec(false), first.context());
    engine.run(spec(false), second.context());
    assertThat(second.values("pretrain_loss")).isEqualTo(first.values("pretrain_loss"));
    assertThat(finalParameters(second)).isEqualTo(finalParameters(first));
  }

  @Test
  void resumedInsideAnyStageOrTheTrainingEndsBitIdentical() {
    TrainingSpec spec = spec(true, "{\"everyIterations\":5,\"everyEpochs\":0}");
    RecordingContext straight = new RecordingContext();
    engine.run(spec, straight.context());
    float[] expected = finalParameters(straight);
    List<Checkpoint> periodic = LoopSpecs.ofKind(straight.checkpoints, "periodic");
    assertThat(periodic).extracting(Checkpoint::step).contains(5L, 21L, 26L, 42L, 53L);
    for (Checkpoint from : periodic.stream().filter(c -> List.of(21L, 26L, 42L, 53L).contains(c.step())).toList()) {
      RecordingContext resumed = new RecordingContext();
      TrainingOutcome outcome = engine.run(spec, resumed.context(() -> false, from.content()));
      assertThat(outcome.iterations()).isEqualTo(TOTAL);
      assertThat(finalParameters(resumed)).as("resumed from step %d", from.step()).isEqualTo(expected);
      List<Double> losses = straight.values("loss");
      assertThat(resumed.values("loss")).isEqualTo(losses.subList(losses.size() - resumed.values("loss").size(),
          losses.size()));
    }
  }

  /** The network of each stage's periodic checkpoint (one per stage: after its first epoch). */
  private static List<MultiLayerNetwork> stageNetworks(RecordingContext rec) {
    List<Checkpoint> stages = LoopSpecs.ofKind(rec.checkpoints, "periodic").stream()
        .filter(c -> GreedyPretraining.stage(c.content()) > 0).toList();
    assertThat(stages).extracting(c -> GreedyPretraining.stage(c.content())).containsExactly(1, 2, 3);
    return stages.stream().map(c -> NetworkSnapshots.read(c.content())).toList();
  }

  private static float[] layer(MultiLayerNetwork network, int layer) {
    INDArray params = network.getLayer(layer).params();
    return params.dup().toFloatVector();
  }

  private static float[] finalParameters(RecordingContext rec) {
    return LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "final")).toFloatVector();
  }
}
