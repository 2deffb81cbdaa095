package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics never disturb training (bit-identical parameters and losses with and without them, batch norm's running
 * statistics, dropout and clipping included), report one point per layer and series on their cadence, and a run
 * resumed from a mid-epoch checkpoint reports the same series as the uninterrupted one.
 */
class DiagnosticsTrainingTests {
  private static final String MODEL = "\"model\":{\"layers\":["
      + "{\"type\":\"dense\",\"units\":24,\"activation\":\"relu\",\"dropout\":0.2},"
      + "{\"type\":\"batchnorm\"},{\"type\":\"dense\",\"units\":12,\"activation\":\"relu\"},{\"type\":\"output\"}]}";
  private static final String DIAGNOSTICS = ",\"diagnostics\":{\"everyIterations\":2,\"curvatureEvery\":3}";
  private static final List<String> LAYERS = List.of("0:dense", "1:batchnorm", "2:dense", "3:output");

  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec spec(String extra) {
    return SpecParser.parse("{\"seed\":11,\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2}," + MODEL
        + ",\"optimizer\":{\"type\":\"adam\",\"lr\":0.02,\"clip_grad_norm\":0.5},\"epochs\":3,\"batchSize\":16,"
        + "\"checkpoint\":{\"everyIterations\":5}" + extra + "}", EngineLimits.DEFAULTS);
  }

  @Test
  void trainingIsBitIdenticalWithAndWithoutDiagnostics() {
    RecordingContext plain = new RecordingContext();
    engine.run(spec(""), plain.context());
    RecordingContext diagnosed = new RecordingContext();
    engine.run(spec(DIAGNOSTICS), diagnosed.context());

    for (String kind : List.of("periodic", "final")) {
      List<Checkpoint> expected = LoopSpecs.ofKind(plain.checkpoints, kind);
      List<Checkpoint> actual = LoopSpecs.ofKind(diagnosed.checkpoints, kind);
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(LoopSpecs.parameters(actual.get(i)).toFloatVector()).as("%s %d", kind, i)
            .isEqualTo(LoopSpecs.parameters(expected.get(i)).toFloatVector());
      }
    }
    assertThat(diagnosed.values("loss")).isEqualTo(plain.values("loss"));
    assertThat(diagnosed.values("grad_norm")).isEqualTo(plain.values("grad_norm"));
    assertThat(plain.metrics).extracting(MetricPoint::name).doesNotContain("curvature", "grad_norm/0:dense");
  }

  @Test
  void reportsEveryLayerOnItsCadenceAndTheLayerNormsMakeTheGlobalNorm() {
    RecordingContext rec = new RecordingContext();
    engine.run(spec(DIAGNOSTICS), rec.context());
    int updates = rec.values("loss").size();
    for (String layer : LAYERS) {
      assertThat(rec.points("grad_norm/" + layer)).extracting(MetricPoint::step)
          .containsExactlyElementsOf(steps(2, updates));
      assertThat(rec.values("update_ratio/" + layer)).allSatisfy(r -> assertThat(r).isPositive().isLessThan(1));
    }
    assertThat(rec.points("dead_fraction/0:dense")).hasSize(updates / 2);
    assertThat(rec.points("dead_fraction/2:dense")).hasSize(updates / 2);
    assertThat(rec.values("dead_fraction/0:dense")).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
    assertThat(rec.metrics).extracting(MetricPoint::name)
        .doesNotContain("dead_fraction/1:batchnorm", "dead_fraction/3:output");
    assertThat(rec.points("curvature")).extracting(MetricPoint::step).containsExactlyElementsOf(steps(3, updates));
    assertThat(rec.points("curvature_ratio")).hasSameSizeAs(rec.points("curvature"));
    for (MetricPoint global : rec.points("grad_norm")) {
      if (global.step() % 2 == 0) {
        double squares = LAYERS.stream().mapToDouble(l -> at(rec, "grad_norm/" + l, global.step()))
            .map(x -> x * x).sum();
        assertThat(Math.sqrt(squares)).isCloseTo(global.value(), within(1e-5 * global.value()));
      }
    }
  }

  @Test
  void aResumedRunReportsTheSameSeries() {
    TrainingSpec spec = spec(DIAGNOSTICS);
    RecordingContext straight = new RecordingContext();
    engine.run(spec, straight.context());
    RecordingContext interrupted = new RecordingContext();
    TrainingOutcome stopped = engine.run(spec, interrupted.context(
        () -> LoopSpecs.ofKind(interrupted.checkpoints, "periodic").size() >= 2, null));
    assertThat(stopped.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    Checkpoint resumePoint = LoopSpecs.last(interrupted.checkpoints, "periodic");
    assertThat(resumePoint.step() % 8).as("a mid-epoch checkpoint").isNotZero();
    RecordingContext resumed = new RecordingContext();
    engine.run(spec, resumed.context(() -> false, resumePoint.content()));

    for (String name : List.of("grad_norm/0:dense", "update_ratio/2:dense", "dead_fraction/0:dense", "curvature",
        "curvature_ratio")) {
      List<MetricPoint> tail = straight.points(name).stream().filter(p -> p.step() > resumePoint.step()).toList();
      assertThat(resumed.points(name)).as(name).isNotEmpty().isEqualTo(tail);
    }
  }

  private static List<Long> steps(int every, int updates) {
    return java.util.stream.LongStream.rangeClosed(1, updates / every).map(k -> k * every).boxed().toList();
  }

  private static double at(RecordingContext rec, String name, long step) {
    return rec.points(name).stream().filter(p -> p.step() == step).findFirst().orElseThrow().value();
  }
}
