package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.RuleFiring;
import dev.descent.engine.support.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules in the minibatch loop, against the metric history of the same run without them: each action where the
 * history says the rule fires, and a paused run that resumes from its checkpoint to the uninterrupted end.
 */
class RuleLoopTests {
  private static final String ADAM = "{\"type\":\"adam\",\"lr\":0.05}";
  private static final int EPOCHS = 6;
  private static final int PER_EPOCH = 8;

  private final TrainingEngine engine = new TrainingEngine();

  @Test
  void stopEndsSucceededAtTheFiringStepWithAFinalCheckpoint() {
    double threshold = threshold();
    int expected = firstStepBelow(reference().points("loss"), threshold, 2);
    Run run = run(rule("loss", "<", threshold, 2, "stop"), null);
    assertThat(run.outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(run.outcome.stopReason()).isEqualTo(TrainingOutcome.RULE);
    assertThat(run.outcome.stopDetail()).contains("\"index\":0").contains("\"do\":\"stop\"")
        .contains("\"step\":" + expected);
    assertThat(run.outcome.iterations()).isEqualTo(expected);
    assertThat(LoopSpecs.last(run.rec.checkpoints, "final").step()).isEqualTo(expected);
    assertThat(run.firings).extracting(RuleFiring::step).containsExactly((long) expected);
  }

  @Test
  void failEndsFailedNamingTheRule() {
    Run run = run(rule("loss", "<", 100.0, 1, "fail"), null);
    assertThat(run.outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
    assertThat(run.outcome.failureCode()).isEqualTo(TrainingEngine.RULE);
    assertThat(run.outcome.failureMessage()).startsWith("rule 0 {\"when\":{\"metric\":\"loss\"")
        .contains("fired at step 1");
    assertThat(run.outcome.iterations()).isEqualTo(1);
  }

  @Test
  void checkpointStoresARuleCheckpointAtEveryFiringStep() {
    List<MetricPoint> valLoss = reference().points("val_loss");
    Run run = run(",\"rules\":[{\"when\":{\"metric\":\"val_loss\",\"test\":\"no_improvement\"},"
        + "\"do\":\"checkpoint\"}]", null);
    List<Long> fired = run.firings.stream().map(RuleFiring::step).toList();
    assertThat(fired).isEqualTo(noImprovementSteps(valLoss));
    assertThat(LoopSpecs.ofKind(run.rec.checkpoints, "rule")).extracting(Checkpoint::step).isEqualTo(fired);
    assertThat(run.outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(run.outcome.stopReason()).isNull();
  }

  @Test
  void annotateOnlyReportsAndTheRunIsUnchanged() {
    Run run = run(rule("loss", "<", threshold(), 1, "annotate"), null);
    assertThat(run.firings).isNotEmpty();
    assertThat(run.rec.values("loss")).isEqualTo(reference().values("loss"));
    assertThat(LoopSpecs.parameters(LoopSpecs.last(run.rec.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(reference().checkpoints, "final")).toFloatVector());
  }

  @Test
  void pauseCheckpointsWhereItFiredAndTheResumedRunsEndAsIfUninterrupted() {
    double threshold = threshold();
    int expected = firstStepBelow(reference().points("loss"), threshold, 1);
    assertThat(expected % PER_EPOCH).as("mid-epoch").isNotZero();
    String pause = rule("loss", "<", threshold, 1, "pause");
    Run last = run(pause, null);
    assertThat(last.outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    assertThat(last.outcome.pausedByRule()).isTrue();
    assertThat(LoopSpecs.last(last.rec.checkpoints, "periodic").step()).isEqualTo(expected);
    List<RuleFiring> firings = new ArrayList<>(last.firings);
    for (int pauses = 1; last.outcome.pausedByRule(); pauses++) { // each resume continues from the pause
      assertThat(pauses).as("pauses").isLessThan(20);
      last = run(pause, LoopSpecs.last(last.rec.checkpoints, "periodic").content());
      firings.addAll(last.firings);
    }
    assertThat(last.outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    Run annotated = run(rule("loss", "<", threshold, 1, "annotate"), null);
    assertThat(firings).as("the same firings, none repeated after a resume").extracting(RuleLoopTests::point)
        .isEqualTo(annotated.firings.stream().map(RuleLoopTests::point).toList());
    assertThat(LoopSpecs.parameters(LoopSpecs.last(last.rec.checkpoints, "final")).toFloatVector())
        .isEqualTo(LoopSpecs.parameters(LoopSpecs.last(annotated.rec.checkpoints, "final")).toFloatVector());
  }

  private static String point(RuleFiring firing) {
    return firing.metric() + "@" + firing.step() + "/" + firing.epoch() + "=" + firing.value();
  }

  @Test
  void fullBatchOptimizersStopAndCheckpointOnRules() {
    String lbfgs = "{\"type\":\"lbfgs\",\"max_iter\":5}";
    List<MetricPoint> trainLoss = run(lbfgs, 12, "", null).rec.points("train_loss");
    double threshold = trainLoss.get(5).value() + 1e-12;
    int expected = firstStepBelow(trainLoss, threshold, 1);
    assertThat(expected).isGreaterThan(2).isLessThan(12);
    Run run = run(lbfgs, 12, ",\"rules\":[{\"when\":{\"metric\":\"grad_norm\",\"test\":\">=\",\"value\":0,"
        + "\"for\":2},\"do\":\"checkpoint\"},{\"when\":{\"metric\":\"train_loss\",\"test\":\"<\",\"value\":"
        + threshold + "},\"do\":\"stop\"}]", null);
    assertThat(run.outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(run.outcome.stopReason()).isEqualTo(TrainingOutcome.RULE);
    assertThat(run.outcome.iterations()).isEqualTo(expected);
    assertThat(LoopSpecs.last(run.rec.checkpoints, "final").step()).isEqualTo(expected);
    assertThat(LoopSpecs.ofKind(run.rec.checkpoints, "rule")).extracting(Checkpoint::step).containsExactly(2L);
  }

  /** A loss the reference run first goes below mid-way through its second epoch. */
  private double threshold() {
    List<Double> loss = reference().values("loss");
    return loss.get(PER_EPOCH + 3) + 1e-9;
  }

  private static int firstStepBelow(List<MetricPoint> points, double threshold, int inARow) {
    int count = 0;
    for (MetricPoint p : points) {
      count = p.value() < threshold ? count + 1 : 0;
      if (count == inARow) {
        return (int) p.step();
      }
    }
    throw new AssertionError("never below " + threshold);
  }

  /** Where a no_improvement (min, for 1) rule fires: the first point after each new best that is no better. */
  private static List<Long> noImprovementSteps(List<MetricPoint> points) {
    List<Long> steps = new ArrayList<>();
    double best = Double.NaN;
    boolean armed = true;
    for (MetricPoint p : points) {
      if (Double.isNaN(best) || p.value() < best) {
        best = p.value();
        armed = true;
      } else if (armed) {
        steps.add(p.step());
        armed = false;
      }
    }
    return steps;
  }

  private static String rule(String metric, String test, double value, int points, String action) {
    return ",\"rules\":[{\"when\":{\"metric\":\"" + metric + "\",\"test\":\"" + test + "\",\"value\":" + value
        + ",\"for\":" + points + "},\"do\":\"" + action + "\"}]";
  }

  private RecordingContext referenceRun;

  private RecordingContext reference() {
    if (referenceRun == null) {
      referenceRun = run("", null).rec;
    }
    return referenceRun;
  }

  private Run run(String rules, byte[] resumeFrom) {
    return run(ADAM, EPOCHS, rules, resumeFrom);
  }

  private Run run(String optimizer, int epochs, String rules, byte[] resumeFrom) {
    TrainingSpec spec = LoopSpecs.iris(optimizer, epochs, ",\"checkpoint\":{\"keepLast\":50}" + rules);
    RecordingContext rec = new RecordingContext();
    List<RuleFiring> firings = new ArrayList<>();
    TrainingContext base = rec.context(CancellationToken.NEVER, resumeFrom);
    TrainingContext context = new TrainingContext(base.metrics(), base.checkpoints(), base.progress(),
        base.cancellation(), resumeFrom, null, firings::add);
    return new Run(engine.run(spec, context), rec, firings);
  }

  private record Run(TrainingOutcome outcome, RecordingContext rec, List<RuleFiring> firings) {}
}
