package dev.descent.persistence.study;

import java.util.List;
import java.util.Objects;

/**
 * What {@link StudyStore#create} stores: the study's name, its body as submitted (JSON text), its objective (metric,
 * {@code min} or {@code max}, optional threshold), how many of its trials may be queued or running at once, its search
 * type ({@code grid}, {@code random}, or null without a search), its trials in release order and its ASHA or PBT
 * scheduler (null without one).
 */
public record NewStudy(String name, String bodyJson, String objectiveMetric, String objectiveMode,
    Double objectiveThreshold, int maxConcurrent, String searchType, List<NewTrial> trials, AshaParams asha,
    PbtParams pbt) {

  /** A study without PBT. */
  public NewStudy(String name, String bodyJson, String objectiveMetric, String objectiveMode,
      Double objectiveThreshold, int maxConcurrent, String searchType, List<NewTrial> trials, AshaParams asha) {
    this(name, bodyJson, objectiveMetric, objectiveMode, objectiveThreshold, maxConcurrent, searchType, trials, asha,
        null);
  }

  /** A study without a scheduler. */
  public NewStudy(String name, String bodyJson, String objectiveMetric, String objectiveMode,
      Double objectiveThreshold, int maxConcurrent, String searchType, List<NewTrial> trials) {
    this(name, bodyJson, objectiveMetric, objectiveMode, objectiveThreshold, maxConcurrent, searchType, trials, null,
        null);
  }

  public NewStudy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bodyJson, "bodyJson");
    trials = List.copyOf(trials);
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
    }
  }
}
