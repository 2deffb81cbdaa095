package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.support.Pointers;
import dev.descent.engine.support.RecordingContext;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Warm starts: the copied layers' parameters are the source's bit for bit, the others the fresh init; frozen layers
 * end training bit-identical to the source while the others move; a resumed warm-started run (without its source)
 * ends bit-identical to an uninterrupted one; shapes and the {@code init} fields are checked.
 */
class WarmStartTests {
  private static final String INIT = ",\"init\":{\"fromJob\":\"source\",\"layers\":[0],\"freeze\":[0]}";
  private static final TrainingSpec TARGET = target(16, INIT + ",\"checkpoint\":{\"everyIterations\":5}");
  private static byte[] source;

  private final TrainingEngine engine = new TrainingEngine();

  @BeforeAll
  static void trainSource() {
    RecordingContext rec = new RecordingContext();
    new TrainingEngine().run(LoopSpecs.iris("{\"type\":\"adam\",\"lr\":0.05}", 2, ""), rec.context());
    source = LoopSpecs.last(rec.checkpoints, "final").content();
  }

  /** Iris with a {@code units}-wide first dense layer, a second dense layer and the output, seed 7, 3 epochs. */
  private static TrainingSpec target(int units, String extra) {
    return SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
        + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":" + units + ",\"activation\":\"tanh\"},"
        + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},"
        + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9,\"weight_decay\":0.01},\"seed\":7,"
        + "\"epochs\":3,\"batchSize\":16" + extra + "}", EngineLimits.DEFAULTS);
  }

  @Test
  void copiesTheChosenLayersExactlyAndLeavesTheOthersFresh() {
    TrainingData data = TrainingData.prepare(TARGET.dataset(), TARGET.seed());
    MultiLayerNetwork warm = NetworkSnapshots.read(WarmStart.start(TARGET, data, source));
    MultiLayerNetwork fresh = NetworkFactory.build(TARGET, 8, data.train());
    MultiLayerNetwork from = NetworkSnapshots.read(source);

    assertThat(warm.getLayer(0).params().toFloatVector()).isEqualTo(from.getLayer(0).params().toFloatVector())
        .isNotEqualTo(fresh.getLayer(0).params().toFloatVector());
    for (int layer : new int[] {1, 2}) {
      assertThat(warm.getLayer(layer).params().toFloatVector()).as("layer %d", layer)
          .isEqualTo(fresh.getLayer(layer).params().toFloatVector());
    }
    assertThat(warm.getIterationCount()).isZero();
  }

  @Test
  void copiesResidualBlocksAcrossAFlattenExactly() {
    String body = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"flatten\"},"
        + "{\"type\":\"dense\",\"units\":8},{\"type\":\"residual\",\"layers\":[{\"type\":\"dense\",\"units\":8},"
        + "{\"type\":\"dense\",\"units\":8,\"activation\":\"identity\"}]},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},\"epochs\":1,\"seed\":%d"
        + ",\"init\":{\"fromJob\":\"s\",\"layers\":[2,0],\"freeze\":[2]}}";
    TrainingSpec spec = SpecParser.parse(body.formatted(1), EngineLimits.DEFAULTS);
    MultiLayerNetwork source = NetworkFactory.build(SpecParser.parse(body.formatted(2), EngineLimits.DEFAULTS), 1);
    MultiLayerNetwork network = NetworkFactory.build(spec, 1);
    float[] fresh = network.getLayer(0).params().toFloatVector();

    WarmStart.apply(network, spec, source);

    assertThat(network.getLayer(1).params().toFloatVector()).isEqualTo(source.getLayer(1).params().toFloatVector())
        .isNotEqualTo(NetworkFactory.build(spec, 1).getLayer(1).params().toFloatVector());
    assertThat(network.getLayer(0).params().toFloatVector()).isEqualTo(fresh);
  }

  @Test
  void frozenLayersStayBitIdenticalWhileTheOthersTrain() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(TARGET, rec.context().withInitFrom(source));

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    MultiLayerNetwork trained = NetworkSnapshots.read(LoopSpecs.last(rec.checkpoints, "final").content());
    MultiLayerNetwork start = NetworkSnapshots.read(
        WarmStart.start(TARGET, TrainingData.prepare(TARGET.dataset(), TARGET.seed()), source));
    assertThat(trained.getIterationCount()).isEqualTo(24);
    assertThat(trained.getLayer(0).params().toFloatVector())
        .isEqualTo(NetworkSnapshots.read(source).getLayer(0).params().toFloatVector());
    for (int layer : new int[] {1, 2}) {
      assertThat(trained.getLayer(layer).params().toFloatVector()).as("layer %d", layer)
          .isNotEqualTo(start.getLayer(layer).params().toFloatVector());
    }
  }

  @Test
  void copiedButNotFrozenLayersTrain() {
    TrainingSpec spec = target(16, ",\"init\":{\"fromJob\":\"source\",\"checkpoint\":\"best\",\"layers\":[0]}");
    RecordingContext rec = new RecordingContext();
    engine.run(spec, rec.context().withInitFrom(source));

    MultiLayerNetwork trained = NetworkSnapshots.read(LoopSpecs.last(rec.checkpoints, "final").content());
    assertThat(trained.getLayer(0).params().toFloatVector())
        .isNotEqualTo(NetworkSnapshots.read(source).getLayer(0).params().toFloatVector());
  }

  @Test
  void aResumedWarmStartNeedsNoSourceAndEndsBitIdentical() {
    RecordingContext straight = new RecordingContext();
    engine.run(TARGET, straight.context().withInitFrom(source));

    RecordingContext first = new RecordingContext();
    TrainingOutcome stopped = engine.run(TARGET, first.context(
        () -> LoopSpecs.ofKind(first.checkpoints, "periodic").size() >= 2, null).withInitFrom(source));
    assertThat(stopped.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    Checkpoint resumePoint = LoopSpecs.last(first.checkpoints, "periodic");
    assertThat(resumePoint.step()).isEqualTo(10);
    RecordingContext resumed = new RecordingContext();
    TrainingOutcome outcome = engine.run(TARGET, resumed.context(() -> false, resumePoint.content()));

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(LoopSpecs.parameters(LoopSpecs.last(resumed.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(straight.checkpoints, "final")).toFloatVector());
  }

  @Test
  void aFreshWarmStartWithoutItsSourceFails() {
    TrainingOutcome outcome = engine.run(TARGET, new RecordingContext().context());

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
    assertThat(outcome.failureMessage()).contains("job source", "not available");
  }

  @Test
  void differentShapesAreNamedAtTheLayersIndex() {
    TrainingSpec spec = target(8, ",\"init\":{\"fromJob\":\"source\",\"layers\":[1,0]}");

    List<Violation> problems = WarmStart.check(spec, source);

    assertThat(Pointers.pointers(problems)).containsExactly("/init/layers/0", "/init/layers/1");
    assertThat(problems.get(1).message()).contains("[4, 8]", "[4, 16]");
    assertThat(WarmStart.check(TARGET, source)).isEmpty();
  }

  @Test
  void badInitFieldsAreNamed() {
    assertThat(violations(",\"init\":{\"checkpoint\":3,\"layers\":[0,5,0,\"x\"],\"freeze\":[1,2],\"what\":1}"))
        .containsExactlyInAnyOrder("/init/what", "/init/fromJob", "/init/checkpoint", "/init/layers/1",
            "/init/layers/2", "/init/layers/3", "/init/freeze/0", "/init/freeze/1");
    assertThat(violations(",\"init\":{\"fromJob\":\"s\",\"layers\":0,\"freeze\":{}}"))
        .containsExactlyInAnyOrder("/init/layers", "/init/freeze");
    assertThat(violations(",\"init\":[]")).containsExactly("/init");
    assertThat(violations(",\"init\":{\"fromJob\":\"s\",\"freeze\":[2]}")).containsExactly("/init/freeze/0");
  }

  @Test
  void freezingNeedsAMinibatchOptimizerWithoutPhases() {
    String body = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":4},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},";
    String init = "\"init\":{\"fromJob\":\"s\",\"freeze\":[0]}}";
    assertThat(violationsOf(body + "\"optimizer\":{\"type\":\"lbfgs\"},\"epochs\":2," + init))
        .containsExactly("/init/freeze");
    assertThat(violationsOf(body + "\"phases\":[{\"epochs\":1},{\"epochs\":1}]," + init))
        .containsExactly("/init/freeze");
  }

  private static List<String> violations(String extra) {
    return violationsOf("{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":4},"
        + "{\"type\":\"dense\",\"units\":4},{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},"
        + "\"epochs\":2" + extra + "}");
  }

  private static List<String> violationsOf(String json) {
    try {
      SpecParser.parse(json, EngineLimits.DEFAULTS);
    } catch (SpecException e) {
      return Pointers.pointers(e.violations());
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void theCanonicalJsonKeepsTheInit() {
    TrainingSpec spec = target(16, ",\"init\":{\"fromJob\":\"source\"}");
    TrainingSpec again = SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS);

    assertThat(again.init()).isEqualTo(spec.init());
    assertThat(again.init().layers()).containsExactly(0, 1, 2);
    assertThat(again.init().checkpoint()).isEqualTo("final");
    assertThatThrownBy(() -> SpecParser.parse(SpecParser.toJson(spec).replace("\"final\"", "7"),
        EngineLimits.DEFAULTS)).isInstanceOf(SpecException.class);
  }
}
