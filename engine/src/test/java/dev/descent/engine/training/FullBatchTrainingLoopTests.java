package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FullBatchTrainingLoopTests {
  private final TrainingEngine engine = new TrainingEngine();

  private static TrainingSpec example(String file) throws IOException {
    return SpecParser.parse(Files.readString(Path.of("..", "examples", file)), EngineLimits.DEFAULTS);
  }

  private static TrainingSpec withOptimizer(TrainingSpec spec, String optimizerJson, int epochs) throws IOException {
    String json = SpecParser.toJson(spec).replaceFirst("\"optimizer\":\\{[^}]*}", "\"optimizer\":" + optimizerJson)
        .replaceFirst("\"epochs\":\\d+", "\"epochs\":" + epochs);
    return SpecParser.parse(json, EngineLimits.DEFAULTS);
  }

  @Test
  void lbfgsReachesALowerTrainingLossThanAdamOnIris() throws IOException {
    TrainingSpec lbfgs = example("iris-lbfgs.json");
    TrainingSpec adam = withOptimizer(lbfgs, "{\"type\":\"adam\",\"lr\":0.01}", lbfgs.epochs());
    RecordingContext lbfgsRun = new RecordingContext();
    RecordingContext adamRun = new RecordingContext();
    long start = System.nanoTime();
    TrainingOutcome lbfgsOutcome = engine.run(lbfgs, lbfgsRun.context());
    long lbfgsNanos = System.nanoTime() - start;
    start = System.nanoTime();
    TrainingOutcome adamOutcome = engine.run(adam, adamRun.context());
    long adamNanos = System.nanoTime() - start;
    double lbfgsLoss = lbfgsOutcome.finalMetrics().get("train_loss");
    double adamLoss = adamOutcome.finalMetrics().get("train_loss");
    System.out.printf("iris, %d epochs: L-BFGS train_loss %.3e in %d ms; Adam train_loss %.3e in %d ms%n",
        lbfgs.epochs(), lbfgsLoss, lbfgsNanos / 1_000_000, adamLoss, adamNanos / 1_000_000);
    assertThat(lbfgsOutcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(lbfgsLoss).isLessThan(adamLoss);
    assertThat(lbfgsOutcome.finalMetrics().get("val_accuracy")).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void reportsStepMetricsAndAFinalCheckpoint() throws IOException {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(example("iris-lbfgs.json"), rec.context());
    long steps = outcome.iterations();
    assertThat(steps).isBetween(1L, 10L);
    for (String name : new String[] {"loss", "grad_norm", "lr", "evaluations", "line_search_evaluations",
        "train_loss", "val_loss", "val_accuracy"}) {
      assertThat(rec.values(name)).as(name).hasSize((int) steps);
    }
    // PyTorch checks max_eval (here 25) only between iterations, so the last line search may go past it by at
    // most its own 25 evaluations.
    assertThat(rec.values("evaluations")).allMatch(e -> e >= 1 && e <= 25 + 25);
    assertThat(rec.values("loss").get(0)).isGreaterThan(rec.values("train_loss").get((int) steps - 1));
    assertThat(rec.checkpoints).extracting(c -> c.kind() + "@" + c.step()).containsExactly("final@" + steps);
  }

  @Test
  void stopsEarlyOnATolerance() throws IOException {
    TrainingSpec spec = withOptimizer(example("iris-lbfgs.json"),
        "{\"type\":\"lbfgs\",\"line_search_fn\":\"strong_wolfe\",\"tolerance_change\":0.01}", 20);
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec, rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.iterations()).isLessThan(20);
    assertThat(StopReason.values()[outcome.finalMetrics().get("stop_reason").intValue()])
        .isIn(FullBatchTrainingLoop.CONVERGED);
  }

  @Test
  void cancellationStopsBeforeTheNextStep() throws IOException {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(example("iris-lbfgs.json"), rec.context(() -> rec.progress.size() >= 2, null));
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    assertThat(rec.values("loss")).hasSize(2);
    assertThat(rec.checkpoints).isEmpty();
  }

  @Test
  void storedSpecShowsTheFullBatchDefaults() throws IOException {
    TrainingSpec spec = example("iris-lbfgs.json");
    assertThat(spec.optimizer().get("tolerance_grad").asDouble()).isEqualTo(1e-7);
    assertThat(spec.optimizer().get("history_size").asInt()).isEqualTo(100);
  }
}
