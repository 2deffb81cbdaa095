package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dropout masks are part of the data order: a run resumed from any checkpoint (epoch end, mid-epoch, periodic by
 * iterations) draws the same masks as the uninterrupted run and ends bit-identical, whatever the state of ND4J's
 * per-thread generator on the resuming thread. Every resume runs on a fresh thread, as a new worker (or process)
 * would, so nothing left in the generator by the run that wrote the checkpoint can help.
 */
class DropoutResumeTests {
  private static final TrainingSpec IRIS = SpecParser.parse("{\"seed\":5,\"dataset\":{\"name\":\"iris\"},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":32,\"activation\":\"relu\",\"dropout\":0.3},"
      + "{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\",\"dropout\":0.3},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":4,\"batchSize\":16,"
      + "\"checkpoint\":{\"everyIterations\":5}}", EngineLimits.DEFAULTS);

  /** Bars: 320 training images, batch 32, so 10 updates an epoch; checkpoints at 7, 10, 14, 20, 21, 28. */
  private static final List<Long> CHECKPOINT_STEPS = List.of(7L, 10L, 14L, 20L, 21L, 28L);

  /** The uninterrupted run of each CNN, shared by its resume cases. */
  private static final Map<String, RecordingContext> STRAIGHT_RUNS = new ConcurrentHashMap<>();

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void aDenseDropoutRunInterruptedMidEpochEndsBitIdentical() throws Exception {
    RecordingContext straight = new RecordingContext();
    engine.run(IRIS, straight.context());

    RecordingContext interrupted = new RecordingContext();
    engine.run(IRIS, interrupted.context(
        () -> LoopSpecs.ofKind(interrupted.checkpoints, "periodic").size() >= 3, null));
    Checkpoint resumePoint = LoopSpecs.last(interrupted.checkpoints, "periodic");
    assertThat(resumePoint.step() % 8).as("a mid-epoch checkpoint").isNotZero();

    assertThat(finalParameters(resumedOnFreshThread(IRIS, resumePoint)))
        .isEqualTo(finalParameters(straight));
  }

  /**
   * A small CNN on bars with dropout as a top-level {@code dropout} layer, as a dense layer's {@code dropout}, or
   * inside a {@code residual} block, resumed from each of its periodic checkpoints: at the epoch ends 10 and 20 (due
   * by {@code everyEpochs}; not by {@code everyIterations}) and mid-epoch at 7, 14, 21, 28 (by
   * {@code everyIterations}).
   */
  @ParameterizedTest(name = "{0} resumed from step {2}")
  @MethodSource("cnnCheckpoints")
  void aCnnWithDropoutResumedFromAnyCheckpointEndsBitIdentical(String model, String dropoutLayer, long step)
      throws Exception {
    TrainingSpec spec = barsCnn(dropoutLayer);
    RecordingContext straight = STRAIGHT_RUNS.computeIfAbsent(model, m -> straightRun(spec));
    List<Checkpoint> periodic = LoopSpecs.ofKind(straight.checkpoints, "periodic");
    assertThat(periodic).extracting(Checkpoint::step).containsExactlyElementsOf(CHECKPOINT_STEPS);
    Checkpoint resumePoint = periodic.get(CHECKPOINT_STEPS.indexOf(step));

    assertThat(finalParameters(resumedOnFreshThread(spec, resumePoint)))
        .as("%s resumed from step %d", model, step)
        .isEqualTo(finalParameters(straight));
  }

  static Stream<Arguments> cnnCheckpoints() {
    Map<String, String> models = Map.of(
        "dropout layer", "{\"type\":\"dropout\",\"rate\":0.3}",
        "dense dropout", "{\"type\":\"dense\",\"units\":16,\"dropout\":0.3}",
        "residual dropout", "{\"type\":\"residual\",\"layers\":[{\"type\":\"dropout\",\"rate\":0.3},"
            + "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"}]}");
    return models.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(model -> CHECKPOINT_STEPS.stream()
        .map(step -> Arguments.of(model.getKey(), model.getValue(), step)));
  }

  private RecordingContext straightRun(TrainingSpec spec) {
    RecordingContext straight = new RecordingContext();
    engine.run(spec, straight.context());
    return straight;
  }

  private static TrainingSpec barsCnn(String dropoutLayer) {
    return SpecParser.parse("{\"seed\":7,\"dataset\":{\"name\":\"bars\"},\"model\":{\"layers\":["
        + "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"}," + dropoutLayer + ","
        + "{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":3,\"batchSize\":32,"
        + "\"checkpoint\":{\"everyEpochs\":1,\"everyIterations\":7}}", EngineLimits.DEFAULTS);
  }

  /** The run resumed from {@code resumePoint} on a new thread, whose ND4J generator no run has touched. */
  private RecordingContext resumedOnFreshThread(TrainingSpec spec, Checkpoint resumePoint) throws Exception {
    RecordingContext resumed = new RecordingContext();
    onFreshThread(() -> engine.run(spec, resumed.context(() -> false, resumePoint.content())));
    return resumed;
  }

  private static <T> T onFreshThread(Callable<T> work) throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      return worker.submit(work).get();
    } finally {
      worker.shutdown();
    }
  }

  private static float[] finalParameters(RecordingContext run) {
    return LoopSpecs.parameters(LoopSpecs.last(run.checkpoints, "final")).toFloatVector();
  }
}
