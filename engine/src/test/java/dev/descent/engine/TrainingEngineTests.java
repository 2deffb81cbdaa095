package dev.descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.RecordingContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainingEngineTests {
  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec example(String file) throws IOException {
    return SpecParser.parse(Files.readString(Path.of("..", "examples", file)), EngineLimits.DEFAULTS);
  }

  private static TrainingSpec spec(String json) {
    return SpecParser.parse(json, EngineLimits.DEFAULTS);
  }

  @Test
  void irisExampleReachesNinetyPercentValidationAccuracyInSeconds() throws IOException {
    RecordingContext rec = new RecordingContext();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    TrainingOutcome outcome = engine.run(example("iris-mlp.json"), rec.context());
    Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.finalMetrics().get("val_accuracy")).isGreaterThanOrEqualTo(0.9);
    assertThat(cpu).as("CPU time of the training thread (wall time depends on the machine's load)")
        .isLessThan(Duration.ofSeconds(8));
    assertThat(outcome.iterations()).isEqualTo(60L * 8);
    assertThat(rec.values("loss")).hasSize(480);
    assertThat(rec.values("grad_norm")).hasSize(480).allMatch(v -> v > 0 && Double.isFinite(v));
    assertThat(rec.values("lr")).hasSize(480).containsOnly(0.01);
    assertThat(rec.values("val_accuracy")).hasSize(60);
    assertThat(rec.values("train_loss").get(59)).isLessThan(rec.values("train_loss").get(0));
    assertThat(rec.points("val_loss").get(59).step()).isEqualTo(480);
    assertThat(rec.progress.get(479).fraction()).isEqualTo(1.0);
    assertThat(rec.checkpoints).extracting(c -> c.kind()).containsExactly("final");
    assertThat(rec.flushes).isEqualTo(1);
  }

  @Test
  void regressionReportsValidationMse() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec("{\"dataset\":{\"name\":\"regression\",\"samples\":200},"
        + "\"model\":{\"layers\":[{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"adam\",\"lr\":0.05},"
        + "\"epochs\":30,\"checkpoint\":{\"everyEpochs\":10}}"), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(rec.values("val_mse").get(29)).isLessThan(0.05);
    assertThat(rec.values("val_accuracy")).isEmpty();
    assertThat(rec.checkpoints).extracting(c -> c.kind() + "@" + c.epoch())
        .containsExactly("periodic@10", "periodic@20", "final@30");
  }

  @Test
  void cancellationStopsWithinOneIteration() throws IOException {
    RecordingContext rec = new RecordingContext();
    AtomicInteger updates = new AtomicInteger();
    TrainingOutcome outcome = engine.run(example("iris-mlp.json"),
        rec.context(() -> rec.progress.size() >= 5 || updates.incrementAndGet() > 1000, null));
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    assertThat(outcome.iterations()).isEqualTo(5);
    assertThat(rec.values("loss")).hasSize(5);
    assertThat(rec.checkpoints).isEmpty();
    assertThat(rec.flushes).isEqualTo(1);
  }

  @Test
  void hugeLearningRateDiverges() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec("{\"dataset\":{\"name\":\"regression\"},\"model\":{\"layers\":["
        + "{\"type\":\"dense\",\"units\":32},{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"sgd\",\"lr\":1e6},\"epochs\":50}"), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
    assertThat(outcome.failureCode()).isEqualTo(TrainingEngine.DIVERGED);
    assertThat(outcome.failureMessage()).contains("at step " + outcome.iterations(), "last finite loss");
    assertThat(rec.values("loss")).last().matches(v -> !Double.isFinite(v));
    assertThat(rec.checkpoints).isEmpty();
  }
}
