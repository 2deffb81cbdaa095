package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.support.RecordingContext;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A curriculum (Bengio et al. 2009) trains epoch e on the ⌈n · f(e)⌉ easiest examples, the first epoch on exactly
 * the lowest-loss ones under the initial network (or under another job's network), deterministically, and a run
 * resumed from a checkpoint taken mid-curriculum ends bit-identical to an uninterrupted one, with phases too.
 */
class CurriculumTrainingTests {
  /** Iris: 120 training samples, batch 16; f = 0.3, 0.475, 0.65, 0.825, 1, 1 → 36, 57, 78, 99, 120, 120 examples. */
  private static final String CURRICULUM = ",\"curriculum\":{\"type\":\"easy_first\",\"scoredBy\":\"%s\","
      + "\"startFraction\":0.3,\"epochsToFull\":4}";
  private static final String ADAM = "{\"type\":\"adam\",\"lr\":0.01}";
  private static final String SOURCE_JOB = "0b5f3c2e-8a61-4c1e-9d3a-5e2f7b9c1d00";

  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec spec(String scoredBy, String extra) {
    return LoopSpecs.iris(ADAM, 6, String.format(CURRICULUM, scoredBy) + extra);
  }

  @Test
  void epochsSeeTheFormulasCountsAndTheFirstSeesTheLowestLossExamples() {
    TrainingSpec spec = spec("loss", "");
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    RecordingContext rec = new RecordingContext();
    TrainingLoop loop = TrainingLoop.create(spec, data, null, null, ports(rec));
    List<String> expectedFirst = easiest(loop.network(), data.train(), 36);
    Map<Integer, List<String>> seen = watch(loop.network());
    assertThat(loop.run().ending()).isEqualTo(LoopResult.Ending.COMPLETED);

    List<Integer> counts = new ArrayList<>(seen.values().stream().map(List::size).toList());
    assertThat(counts).containsExactly(36, 57, 78, 99, 120, 120);
    assertThat(sorted(seen.get(0))).isEqualTo(sorted(expectedFirst));
    assertThat(rec.values("train_examples")).containsExactly(36.0, 57.0, 78.0, 99.0, 120.0, 120.0);
    assertThat(rec.values("curriculum_fraction").get(0)).isEqualTo(0.3);
    assertThat(rec.points("train_examples")).extracting(MetricPoint::step).containsExactly(1L, 4L, 8L, 13L, 20L, 28L);
    assertThat(rec.progress.get(rec.progress.size() - 1).totalIterations()).isEqualTo(35);
  }

  @Test
  void isDeterministicBySeedAndChangesTheRun() {
    float[] first = finalParameters(spec("loss", ""), null);
    assertThat(finalParameters(spec("loss", ""), null)).isEqualTo(first);
    assertThat(finalParameters(LoopSpecs.iris(ADAM, 6, ""), null)).isNotEqualTo(first);
  }

  @Test
  void resumedMidCurriculumEndsBitIdentical() {
    TrainingSpec spec = spec("loss", ",\"checkpoint\":{\"everyIterations\":5,\"everyEpochs\":1}");
    RecordingContext straight = new RecordingContext();
    assertThat(engine.run(spec, straight.context()).status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    float[] expected = LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector();
    List<Checkpoint> periodic = LoopSpecs.ofKind(straight.checkpoints, "periodic");
    assertThat(periodic).extracting(Checkpoint::step).contains(3L, 5L, 12L, 25L);
    for (Checkpoint from : periodic) {
      RecordingContext resumed = new RecordingContext();
      engine.run(spec, resumed.context(CancellationToken.NEVER, from.content()));
      assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
          .as("resumed from step %d", from.step()).isEqualTo(expected);
      List<Double> losses = resumed.values("loss");
      assertThat(losses).isEqualTo(straight.values("loss").subList(35 - losses.size(), 35));
    }
  }

  @Test
  void withPhasesEveryEpochHasItsOwnBatchCountAndResumesBitIdentical() {
    TrainingSpec spec = LoopSpecs.irisWithout(",\"phases\":[{\"epochs\":2,\"optimizer\":" + ADAM
        + ",\"batchSize\":16},{\"epochs\":3,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9},"
        + "\"batchSize\":40}]" + String.format(CURRICULUM, "loss")
        + ",\"checkpoint\":{\"everyIterations\":4,\"everyEpochs\":1}");
    RecordingContext straight = new RecordingContext();
    assertThat(engine.run(spec, straight.context()).iterations()).isEqualTo(3 + 4 + 2 + 3 + 3);
    assertThat(straight.values("train_examples")).containsExactly(36.0, 57.0, 78.0, 99.0, 120.0);
    assertThat(straight.points("train_examples")).extracting(MetricPoint::step).containsExactly(1L, 4L, 8L, 10L, 13L);
    float[] expected = LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector();
    for (Checkpoint from : LoopSpecs.ofKind(straight.checkpoints, "periodic")) {
      RecordingContext resumed = new RecordingContext();
      engine.run(spec, resumed.context(CancellationToken.NEVER, from.content()));
      assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
          .as("resumed from step %d", from.step()).isEqualTo(expected);
    }
  }

  @Test
  void anotherJobsNetworkScoresTheExamples() {
    RecordingContext source = new RecordingContext();
    engine.run(LoopSpecs.iris(ADAM, 5, ""), source.context());
    byte[] sourceContent = LoopSpecs.last(source.checkpoints, "final").content();
    TrainingSpec spec = spec(SOURCE_JOB, "");
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    TrainingLoop loop = TrainingLoop.create(spec, data, null, sourceContent, ports(new RecordingContext()));
    List<String> bySource = easiest(NetworkSnapshots.read(sourceContent), data.train(), 36);
    assertThat(sorted(bySource)).isNotEqualTo(sorted(easiest(loop.network(), data.train(), 36)));
    Map<Integer, List<String>> seen = watch(loop.network());
    loop.run();
    assertThat(sorted(seen.get(0))).isEqualTo(sorted(bySource));
  }

  @Test
  void aScorerOfAnotherShapeIsRefused() {
    RecordingContext source = new RecordingContext();
    engine.run(LoopSpecs.iris(ADAM, 1, ""), source.context());
    byte[] wide = LoopSpecs.last(source.checkpoints, "final").content();
    assertThat(Curriculum.check(spec(SOURCE_JOB, ""), wide)).isEmpty();
    TrainingSpec narrow = SpecParser.parse(
        "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2},\"model\":{\"layers\":[{\"type\":\"dense\","
            + "\"units\":8},{\"type\":\"output\"}]},\"epochs\":2,\"curriculum\":{\"scoredBy\":\"" + SOURCE_JOB
            + "\"}}", EngineLimits.DEFAULTS);
    assertThat(Curriculum.check(narrow, wide)).extracting(Violation::pointer).containsExactly("/curriculum/scoredBy");
  }

  private static LoopPorts ports(RecordingContext rec) {
    var ctx = rec.context();
    return new LoopPorts(ctx.metrics(), ctx.checkpoints(), ctx.progress(), ctx.cancellation());
  }

  /** The rows of the {@code count} examples of {@code train} with the lowest loss under {@code network}. */
  private static List<String> easiest(MultiLayerNetwork network, Samples train, int count) {
    INDArray losses = network.scoreExamples(train.toDataSet(), false);
    return IntStream.range(0, train.size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(losses::getDouble).thenComparingInt(i -> i))
        .limit(count).map(i -> Arrays.toString(train.features()[i])).toList();
  }

  /** Every example each epoch's updates fit, as rows, by epoch (filled while the network trains). */
  private static Map<Integer, List<String>> watch(MultiLayerNetwork network) {
    Map<Integer, List<String>> seen = new TreeMap<>();
    network.addListeners(new BaseTrainingListener() {
      @Override
      public void iterationDone(Model model, int iteration, int epoch) {
        INDArray input = ((MultiLayerNetwork) model).getInput();
        for (int r = 0; r < input.rows(); r++) {
          seen.computeIfAbsent(epoch, e -> new ArrayList<>()).add(Arrays.toString(input.getRow(r).toFloatVector()));
        }
      }
    });
    return seen;
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private float[] finalParameters(TrainingSpec spec, byte[] resumeFrom) {
    RecordingContext rec = new RecordingContext();
    engine.run(spec, rec.context(CancellationToken.NEVER, resumeFrom));
    return LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "final")).toFloatVector();
  }
}
