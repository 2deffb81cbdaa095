package dev.descent.engine.study;

import java.util.List;

/**
 * A study as read: its name, the arms' names (empty without arms), the seeds every configuration is trained with,
 * the objective the summary ranks by, how many of its trials may be queued or running at once, the search type
 * ({@code null} without a search), every trial, in the order they are released (seed by seed, so that paired
 * comparisons fill in early), the search's ASHA scheduler ({@code null} without one) and its PBT scheduler
 * ({@code null} without one).
 */
public record StudySpec(String name, List<String> arms, List<Long> seeds, Objective objective, int maxConcurrent,
    String searchType, List<Trial> trials, Scheduler scheduler, Pbt pbt) {
  public static final int DEFAULT_MAX_CONCURRENT = 2;
  public static final int MAX_CONCURRENT = 256;
  public static final int MAX_TRIALS = 1000;

  public StudySpec {
    arms = List.copyOf(arms);
    seeds = List.copyOf(seeds);
    trials = List.copyOf(trials);
  }

  /**
   * What a study optimizes: a metric the trials report per epoch, whether lower ({@code min}) or higher ({@code max})
   * is better, and an optional threshold whose reaching the summary times.
   */
  public record Objective(String metric, String mode, Double threshold) {
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String DEFAULT_METRIC = "val_loss";

    /** The mode a metric gets when none is given: {@code max} for accuracies, else {@code min}. */
    public static String defaultMode(String metric) {
      return metric != null && metric.endsWith("accuracy") ? MAX : MIN;
    }

    /** True when {@code value} reaches the threshold in this objective's direction. */
    public boolean reaches(double value) {
      return threshold != null && (MAX.equals(mode) ? value >= threshold : value <= threshold);
    }
  }
}
