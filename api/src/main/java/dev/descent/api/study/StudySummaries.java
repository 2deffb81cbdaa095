package dev.descent.api.study;

import dev.descent.engine.study.StudySpec.Objective;
import dev.descent.persistence.study.ObjectivePoint;
import dev.descent.persistence.study.StudyTrialView;
import dev.descent.persistence.study.StudyView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A study's summary: one row per arm (per arm × search point in a search) over its seeds, in trial order, from each
 * trial's objective series. For arms, the paired difference of each arm's final value against the first arm's, seed
 * by seed (only seeds where both have one).
 */
final class StudySummaries {
  private StudySummaries() {}

  static List<SummaryRow> summarize(StudyView study, Map<UUID, List<ObjectivePoint>> series) {
    Objective objective = new Objective(study.objectiveMetric(), study.objectiveMode(), study.objectiveThreshold());
    boolean searched = study.searchType() != null;
    Map<String, List<TrialOutcome>> groups = new LinkedHashMap<>();
    for (StudyTrialView trial : study.trials()) {
      groups.computeIfAbsent(trial.arm() + "\u0000" + pointOf(trial), k -> new ArrayList<>())
          .add(TrialOutcome.of(trial, series.getOrDefault(trial.jobId(), List.of()), objective));
    }
    Map<Integer, List<TrialOutcome>> firstArm = new LinkedHashMap<>();
    String first = study.trials().isEmpty() ? null : study.trials().get(0).arm();
    groups.values().stream().filter(g -> Objects.equals(g.get(0).trial().arm(), first))
        .forEach(g -> firstArm.put(pointOf(g.get(0).trial()), g));
    List<SummaryRow> rows = new ArrayList<>();
    for (List<TrialOutcome> group : groups.values()) {
      StudyTrialView head = group.get(0).trial();
      boolean paired = first != null && !first.equals(head.arm());
      rows.add(new SummaryRow(head.arm(), searched ? pointOf(head) : null, head.valuesJson(), group.size(),
          stat(group, TrialOutcome::finalValue), stat(group, TrialOutcome::best), stat(group, TrialOutcome::meanLevel),
          stat(group, o -> o.stepsToThreshold() == null ? null : o.stepsToThreshold().doubleValue()),
          stat(group, TrialOutcome::secondsToThreshold),
          (int) group.stream().filter(o -> o.stepsToThreshold() != null).count(),
          (int) group.stream().filter(TrialOutcome::diverged).count(),
          paired ? paired(group, firstArm.get(pointOf(head))) : null));
    }
    return rows;
  }

  private static int pointOf(StudyTrialView trial) {
    return trial.point();
  }

  private static Stat stat(List<TrialOutcome> group, Function<TrialOutcome, Double> value) {
    return Stat.of(group.stream().map(value).filter(Objects::nonNull).toList());
  }

  private static Stat paired(List<TrialOutcome> group, List<TrialOutcome> baseline) {
    List<Double> differences = new ArrayList<>();
    for (TrialOutcome o : group) {
      baseline.stream().filter(b -> b.trial().seed() == o.trial().seed()).findFirst()
          .filter(b -> b.finalValue() != null && o.finalValue() != null)
          .ifPresent(b -> differences.add(o.finalValue() - b.finalValue()));
    }
    return Stat.of(differences);
  }
}
