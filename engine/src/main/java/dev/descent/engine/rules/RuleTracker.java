package dev.descent.engine.rules;

import dev.descent.engine.spec.EarlyStoppingSpec;
import dev.descent.engine.spec.RuleCondition;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.RuleFiring;

/**
 * One rule's state over its series: how many points in a row passed its test (for {@code no_improvement}: points
 * since the last improvement), the best value so far, and whether it is armed. It fires when armed and the count
 * reaches {@code for}, and then stays quiet until its test fails once (for {@code no_improvement}: until the series
 * improves), so one crossing fires once.
 */
final class RuleTracker {
  final int index;
  final RuleSpec spec;
  final String json;
  long count;
  boolean armed = true;
  double best = Double.NaN;

  RuleTracker(int index, RuleSpec spec, String json) {
    this.index = index;
    this.spec = spec;
    this.json = json;
  }

  /** Takes the next point of the series; true when the rule fires on it. */
  boolean observe(double value) {
    RuleCondition when = spec.when();
    boolean counts = when.isNoImprovement()
        ? !EarlyStoppingSpec.improves(when.mode(), when.minDelta(), value, best)
        : when.holds(value);
    if (!counts) {
      best = when.isNoImprovement() ? value : best;
      count = 0;
      armed = true;
      return false;
    }
    count++;
    if (armed && count >= when.points()) {
      armed = false;
      return true;
    }
    return false;
  }

  RuleFiring firing(MetricPoint point) {
    return new RuleFiring(index, json, spec.action(), point.name(), point.step(), point.epoch(), point.value(), best);
  }
}
