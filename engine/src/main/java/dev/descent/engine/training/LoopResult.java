package dev.descent.engine.training;

import java.util.Map;

/**
 * How the loop ended: {@code message} explains a divergence, or is
 * {@link #EARLY_STOPPING} for a completed run that stopped early; {@code metrics} are the latest per-epoch metrics.
 */
public record LoopResult(Ending ending, long iterations, String message, Map<String, Double> metrics) {
  /** The message of a run that completed because early stopping ended it. */
  public static final String EARLY_STOPPING = "early_stopping";

  public enum Ending {
    COMPLETED,
    CANCELLED,
    DIVERGED
  }
}
