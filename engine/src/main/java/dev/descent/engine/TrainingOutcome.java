package dev.descent.engine;

import java.util.Map;

/**
 * How a run ended. {@code failureCode} is null unless {@code status} is FAILED ({@code DIVERGED}, {@code ERROR}).
 */
public record TrainingOutcome(
    Status status, String failureCode, String failureMessage, long iterations, Map<String, Double> finalMetrics) {

  public enum Status {
    SUCCEEDED,
    CANCELLED,
    FAILED
  }
}
