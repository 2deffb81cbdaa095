package dev.descent.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.RuleCondition;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.RuleFiring;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each test on a made-up series: where it fires (once per crossing, {@code for} points in a row), that the points
 * still reach the job's sink, what the loop is asked for, and that the state survives a checkpoint exactly.
 */
class RulesTests {
  private final List<MetricPoint> recorded = new ArrayList<>();
  private final List<RuleFiring> firings = new ArrayList<>();

  @Test
  void nonfiniteFiresOnNanAndInfinityOncePerCrossing() {
    Rules rules = rules(rule("loss", "nonfinite", null, 1, null, null, "annotate"));
    feed(rules, "loss", 1, Double.NaN, Double.NaN, 2, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(steps()).containsExactly(2L, 5L);
    assertThat(recorded).hasSize(6);
    assertThat(firings.get(0).detailJson()).contains("\"value\":\"NaN\"").contains("\"index\":0")
        .contains("\"test\":\"nonfinite\"").contains("\"do\":\"annotate\"");
    assertThat(rules.halt()).isNull();
  }

  @Test
  void comparisonsFireAfterForPointsInARowAndRearmWhenFalse() {
    double[] series = {0.05, 0.2, 0.3, 0.1, 0.4, 0.5, 0.6, 0.7, 0.01, 0.2, 0.2};
    assertThat(firedAt(">", 0.1, 2, series)).containsExactly(3L, 6L, 11L);
    assertThat(firedAt(">=", 0.1, 2, series)).containsExactly(3L, 11L);
    assertThat(firedAt("<", 0.1, 1, series)).containsExactly(1L, 9L);
    assertThat(firedAt("<=", 0.1, 1, series)).containsExactly(1L, 4L, 9L);
    assertThat(firedAt(">", 0.1, 1, Double.NaN, 0.2)).as("NaN compares false").containsExactly(2L);
  }

  @Test
  void noImprovementCountsPointsSinceTheBestAndRearmsOnImprovement() {
    Rules min = rules(rule("val_loss", "no_improvement", null, 2, "min", 0.05, "annotate"));
    feed(min, "val_loss", 1.0, 0.9, 0.88, 0.87, 0.86, 0.5, 0.6, 0.7, 0.8);
    assertThat(steps()).containsExactly(4L, 8L);
    assertThat(firings.get(0).best()).isEqualTo(0.9);
    assertThat(firings.get(0).detailJson()).contains("\"best\":0.9");
    firings.clear();
    Rules max = rules(rule("val_accuracy", "no_improvement", null, 1, "max", 0.0, "annotate"));
    feed(max, "val_accuracy", 0.5, 0.6, 0.6, 0.55, 0.7, 0.7);
    assertThat(steps()).containsExactly(3L, 6L);
  }

  @Test
  void onlyTheNamedSeriesCountsAndActionsAskTheLoop() {
    Rules rules = rules(rule("update_ratio/0:dense", ">", 0.1, 1, null, null, "checkpoint"),
        rule("loss", ">", 5.0, 1, null, null, "pause"), rule("loss", ">", 1.0, 1, null, null, "stop"));
    feed(rules, "update_ratio/1:dense", 0.5);
    assertThat(firings).isEmpty();
    feed(rules, "update_ratio/0:dense", 0.5);
    assertThat(rules.takeCheckpoint()).isTrue();
    assertThat(rules.takeCheckpoint()).as("taken").isFalse();
    feed(rules, "loss", 2.0, 6.0);
    assertThat(rules.halt().index()).as("the first halting firing").isEqualTo(2);
    assertThat(firings).extracting(RuleFiring::index).containsExactly(0, 2, 1);
  }

  @Test
  void theStateSurvivesACheckpointAndAChangedRuleStartsFresh() {
    RuleSpec over = rule("loss", ">", 0.1, 3, null, null, "annotate");
    Rules first = rules(over, rule("val_loss", "no_improvement", null, 2, "min", 0.0, "annotate"));
    feed(first, "loss", 0.2, 0.3);
    feed(first, "val_loss", 1.0, 1.2);
    Rules resumed = rules(over, rule("val_loss", "no_improvement", null, 3, "min", 0.0, "annotate"));
    resumed.restore(first.state());
    firings.clear();
    feed(resumed, "loss", 0.4);
    assertThat(steps()).as("the third point in a row").containsExactly(1L);
    feed(resumed, "val_loss", 1.3, 1.3, 1.3);
    assertThat(firings).as("the changed rule counts from scratch").hasSize(1);
  }

  @Test
  void aStateTakenForAPauseKeepsTheFiringAndOthersDoNot() {
    RuleSpec pause = rule("loss", ">", 5.0, 2, null, null, "pause");
    Rules rules = rules(rule("loss", ">", 1.0, 1, null, null, "annotate"), pause);
    feed(rules, "loss", 6.0);
    assertThat(Rules.pendingPause(rules.state())).as("not fired yet").isEmpty();
    byte[] before = rules.state();
    feed(rules, "loss", 6.0, 7.0);
    Rules.PendingPause pending = Rules.pendingPause(rules.state()).orElseThrow();
    assertThat(pending.step()).isEqualTo(1); // feed numbers each call's points from step 1
    assertThat(pending.detailJson()).isEqualTo(rules.halt().detailJson()).contains("\"do\":\"pause\"");
    Rules resumed = rules(rule("loss", ">", 1.0, 1, null, null, "annotate"), pause);
    resumed.restore(rules.state());
    assertThat(resumed.halt()).as("a resumed run goes on unless told the pause was lost").isNull();
    byte[] older = java.util.Arrays.copyOf(before, before.length - 1); // a state written before pauses were kept
    assertThat(Rules.pendingPause(older)).isEmpty();
    Rules stopped = rules(rule("loss", ">", 1.0, 1, null, null, "stop"));
    feed(stopped, "loss", 2.0);
    assertThat(Rules.pendingPause(stopped.state())).as("only a pause is kept").isEmpty();
  }

  private List<Long> firedAt(String test, double value, int points, double... series) {
    firings.clear();
    feed(rules(rule("m", test, value, points, null, null, "annotate")), "m", series);
    return steps();
  }

  private Rules rules(RuleSpec... specs) {
    return new Rules(List.of(specs), recorded::add, firings::add);
  }

  private static RuleSpec rule(String metric, String test, Double value, int points, String mode, Double minDelta,
      String action) {
    return new RuleSpec(new RuleCondition(metric, test, value, points, mode, minDelta), action);
  }

  private static void feed(Rules rules, String name, double... values) {
    for (int i = 0; i < values.length; i++) {
      rules.record(new MetricPoint(name, i + 1L, 0, values[i]));
    }
  }

  private List<Long> steps() {
    return firings.stream().map(RuleFiring::step).toList();
  }
}
