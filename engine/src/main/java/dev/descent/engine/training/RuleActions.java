package dev.descent.engine.training;

import dev.descent.engine.rules.Rules;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.RuleFiring;
import java.util.Map;

/**
 * What a training loop does for its rules after an update or an epoch's end: a {@code checkpoint} firing stores a
 * checkpoint of kind {@code rule} at this step; a {@code stop} ends the run completed (with a final checkpoint), a
 * {@code pause} ends it like a pause request (a periodic checkpoint where it stopped, then cancelled), a {@code fail}
 * ends it failed. The loop calls it after the step's bookkeeping, so that a checkpoint holds a consistent state.
 */
record RuleActions(Rules rules) {

  /** How a loop stores a checkpoint of its state now; with {@code onlyIfNew} not when it stored one at this step. */
  @FunctionalInterface
  interface Saver {
    void save(CheckpointKind kind, boolean onlyIfNew);
  }

  /** The run's end when a rule asked for one, else null; saves what the rules asked for first. */
  LoopResult act(long iterations, Map<String, Double> metrics, Saver saver) {
    if (rules.takeCheckpoint()) {
      saver.save(CheckpointKind.RULE, false);
    }
    RuleFiring halt = rules.halt();
    if (halt == null) {
      return null;
    }
    return switch (halt.action()) {
      case RuleSpec.STOP -> {
        saver.save(CheckpointKind.FINAL, false);
        yield new LoopResult(LoopResult.Ending.COMPLETED, iterations, LoopResult.RULE, metrics, halt.detailJson());
      }
      case RuleSpec.PAUSE -> {
        saver.save(CheckpointKind.PERIODIC, true);
        yield new LoopResult(LoopResult.Ending.CANCELLED, iterations, LoopResult.RULE, metrics, halt.detailJson());
      }
      default -> new LoopResult(LoopResult.Ending.RULE_FAILED, iterations, halt.describe(), metrics,
          halt.detailJson());
    };
  }
}
