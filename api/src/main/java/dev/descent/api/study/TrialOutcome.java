package dev.descent.api.study;

import dev.descent.engine.study.StudySpec.Objective;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.study.ObjectivePoint;
import dev.descent.persistence.study.StudyTrialView;
import java.time.Duration;
import java.util.List;

/**
 * What one trial's objective series says: its last value, its best, its mean level (the trapezoid area over steps
 * divided by the step span; the value itself for one point), the first step and the seconds after the job started at
 * which it reached the threshold, and whether it diverged (FAILED, or a non-finite value). The values are null when
 * the series is empty or diverged.
 */
record TrialOutcome(StudyTrialView trial, Double finalValue, Double best, Double meanLevel, Long stepsToThreshold,
    Double secondsToThreshold, boolean diverged) {

  static TrialOutcome of(StudyTrialView trial, List<ObjectivePoint> points, Objective objective) {
    boolean nonFinite = points.stream().anyMatch(p -> !Double.isFinite(p.value()));
    boolean diverged = trial.status() == JobStatus.FAILED || nonFinite;
    if (points.isEmpty() || nonFinite) {
      return new TrialOutcome(trial, null, null, null, null, null, diverged);
    }
    boolean max = Objective.MAX.equals(objective.mode());
    double best = points.get(0).value();
    for (ObjectivePoint p : points) {
      best = max ? Math.max(best, p.value()) : Math.min(best, p.value());
    }
    ObjectivePoint reached = points.stream().filter(p -> objective.reaches(p.value())).findFirst().orElse(null);
    Double seconds = reached == null || trial.startedAt() == null ? null
        : Duration.between(trial.startedAt(), reached.at()).toNanos() / 1e9;
    return new TrialOutcome(trial, points.get(points.size() - 1).value(), best, meanLevel(points),
        reached == null ? null : reached.step(), seconds, diverged);
  }

  /** The trapezoid area under the points over steps, divided by the step span; the value for a single point. */
  static double meanLevel(List<ObjectivePoint> points) {
    long span = points.get(points.size() - 1).step() - points.get(0).step();
    if (span == 0) {
      return points.get(0).value();
    }
    double area = 0;
    for (int i = 1; i < points.size(); i++) {
      ObjectivePoint a = points.get(i - 1);
      ObjectivePoint b = points.get(i);
      area += (b.step() - a.step()) * (a.value() + b.value()) / 2;
    }
    return area / span;
  }
}
