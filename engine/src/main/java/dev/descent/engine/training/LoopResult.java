package dev.descent.engine.training;

import java.util.Map;

/**
 * How the loop ended: {@code message} explains a divergence or a rule's failure, or is {@link #EARLY_STOPPING} or
 * {@link #RULE} for a run that stopped early (completed) or a rule paused (cancelled); {@code metrics} are the latest
 * per-epoch metrics; {@code stopDetail} is the JSON object of the rule firing that ended the run, else null.
 */
public record LoopResult(Ending ending, long iterations, String message, Map<String, Double> metrics,
    String stopDetail) {
  /** The message of a run that completed because early stopping ended it. */
  public static final String EARLY_STOPPING = "early_stopping";
  /** The message of a run that a rule stopped or paused. */
  public static final String RULE = "rule";

  /** A result no rule caused. */
  public LoopResult(Ending ending, long iterations, String message, Map<String, Double> metrics) {
    this(ending, iterations, message, metrics, null);
  }

  public enum Ending {
    COMPLETED,
    CANCELLED,
    DIVERGED,
    /** A rule with action {@code fail} fired. */
    RULE_FAILED
  }
}
