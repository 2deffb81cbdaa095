package dev.descent.engine.training;

import java.util.Map;

/**
 * How the loop ended: {@code message} explains a divergence; {@code metrics} are the latest per-epoch metrics.
 */
public record LoopResult(Ending ending, long iterations, String message, Map<String, Double> metrics) {
  public enum Ending {
    COMPLETED,
    CANCELLED,
    DIVERGED
  }
}
