package dev.descent.engine;

import java.util.Map;

/**
 * How a run ended. {@code failureCode} is null unless {@code status} is FAILED ({@code DIVERGED}, {@code RULE},
 * {@code ERROR}). {@code stopReason} is {@value #EARLY_STOPPING} for a SUCCEEDED run that early stopping ended (its
 * {@code finalMetrics} then hold {@code stopped_epoch} and {@code best_epoch}), {@value #RULE} for a run a rule
 * ended (SUCCEEDED: stop, FAILED: fail, CANCELLED: pause), {@value #RANGE_TEST_DIVERGED} for a learning-rate
 * range test that stopped when its loss exceeded the limit, else null; {@code stopDetail} is then a JSON object:
 * {@code {"stoppedEpoch", "bestEpoch"}} for early stopping, the rule's firing
 * ({@link dev.descent.engine.spi.RuleFiring#detailJson}) for a rule.
 */
public record TrainingOutcome(Status status, String failureCode, String failureMessage, long iterations,
    Map<String, Double> finalMetrics, String stopReason, String stopDetail) {
  public static final String EARLY_STOPPING = "early_stopping";
  public static final String RANGE_TEST_DIVERGED = "loss_exceeded_limit";
  public static final String RULE = "rule";

  /** An outcome without a stop reason. */
  public TrainingOutcome(
      Status status, String failureCode, String failureMessage, long iterations, Map<String, Double> finalMetrics) {
    this(status, failureCode, failureMessage, iterations, finalMetrics, null, null);
  }

  /** True when a rule with action {@code pause} ended the run (CANCELLED, with a checkpoint where it stopped). */
  public boolean pausedByRule() {
    return status == Status.CANCELLED && RULE.equals(stopReason);
  }

  public enum Status {
    SUCCEEDED,
    CANCELLED,
    FAILED
  }
}
