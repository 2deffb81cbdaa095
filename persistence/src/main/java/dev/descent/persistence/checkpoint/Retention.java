package dev.descent.persistence.checkpoint;

import java.util.Locale;

/**
 * Which checkpoints of one kind survive pruning: the last {@code keepLast} by step, plus the best {@code keepBest}
 * by the metric {@code metric} (lowest first unless {@code higherIsBetter}).
 */
public record Retention(int keepLast, int keepBest, String metric, boolean higherIsBetter) {
  /** Metric used for best-K when none is named. */
  public static final String DEFAULT_METRIC = "val_loss";

  /** Whether {@code metric} is better when higher by default: not for names containing "loss" or "mse". */
  public static boolean higherIsBetterByDefault(String metric) {
    String name = metric.toLowerCase(Locale.ROOT);
    return !(name.contains("loss") || name.contains("mse"));
  }
}
