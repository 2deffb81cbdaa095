package dev.descent.engine;

import java.util.Map;

/**
 * How a run ended. {@code failureCode} is null unless {@code status} is FAILED ({@code DIVERGED}, {@code ERROR}).
 * {@code stopReason} is {@value #EARLY_STOPPING} for a SUCCEEDED run that early stopping ended (its
 * {@code finalMetrics} then hold {@code stopped_epoch} and {@code best_epoch}), {@value #RANGE_TEST_DIVERGED} for a
 * learning-rate range test that stopped when its loss exceeded the limit, else null.
 */
public record TrainingOutcome(Status status, String failureCode, String failureMessage, long iterations,
    Map<String, Double> finalMetrics, String stopReason) {
  public static final String EARLY_STOPPING = "early_stopping";
  public static final String RANGE_TEST_DIVERGED = "loss_exceeded_limit";

  /** An outcome without a stop reason. */
  public TrainingOutcome(
      Status status, String failureCode, String failureMessage, long iterations, Map<String, Double> finalMetrics) {
    this(status, failureCode, failureMessage, iterations, finalMetrics, null);
  }

  public enum Status {
    SUCCEEDED,
    CANCELLED,
    FAILED
  }
}
