package dev.descent.api.web;

import dev.descent.api.study.Stat;
import dev.descent.api.study.StudyDetails;
import dev.descent.api.study.SummaryRow;
import dev.descent.api.web.generated.model.PbtLineageEvent;
import dev.descent.api.web.generated.model.Study;
import dev.descent.api.web.generated.model.StudyObjective;
import dev.descent.api.web.generated.model.StudyRung;
import dev.descent.api.web.generated.model.StudyStatus;
import dev.descent.api.web.generated.model.StudySummaryRow;
import dev.descent.api.web.generated.model.StudyTrial;
import dev.descent.api.web.generated.model.SummaryStat;
import dev.descent.persistence.study.LineageView;
import dev.descent.persistence.study.RungView;
import dev.descent.persistence.study.StudyTrialView;
import dev.descent.persistence.study.StudyView;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns studies as read (persistence's views and the summary) into the wire model of openapi.yaml. */
@Component
class StudyMapper {
  private final JsonMapper json;

  StudyMapper(JsonMapper json) {
    this.json = json;
  }

  /** The study with its trials and summary. */
  Study toStudy(StudyDetails details) {
    Study study = toListed(details.study());
    study.setTrials(details.study().trials().stream().map(this::trial).toList());
    details.rungs().forEach(r -> {
      StudyTrial trial = study.getTrials().get(r.trial());
      if (trial.getRung() == null || trial.getRung() < r.rung()) {
        trial.setRung(r.rung());
        trial.setRungDecision(r.decision() == null ? null : StudyTrial.RungDecisionEnum.fromValue(r.decision()));
      }
    });
    study.setSummary(details.summary().stream().map(this::row).toList());
    study.setRungs(details.scheduler() == null ? null : details.rungs().stream().map(StudyMapper::rung).toList());
    study.setLineage(details.lineage() == null ? null : details.lineage().stream().map(this::lineage).toList());
    return study;
  }

  /** The study as a list shows it: without trials and summary. */
  Study toListed(StudyView view) {
    Map<String, Integer> counts = new TreeMap<>();
    view.counts().forEach((status, n) -> counts.put(status.name(), n));
    StudyObjective objective = new StudyObjective().metric(view.objectiveMetric())
        .mode(StudyObjective.ModeEnum.fromValue(view.objectiveMode()));
    objective.setThreshold(view.objectiveThreshold());
    Study study = new Study().id(view.id()).name(view.name()).status(StudyStatus.valueOf(view.status().name()))
        .createdAt(JobMapper.time(view.createdAt())).maxConcurrent(view.maxConcurrent()).objective(objective)
        .counts(counts).body(json.readTree(view.bodyJson()));
    study.setFinishedAt(JobMapper.time(view.finishedAt()));
    study.setTrials(null);
    study.setSummary(null);
    study.setRungs(null);
    study.setLineage(null);
    return study;
  }

  /** One member's decision at one PBT round. */
  PbtLineageEvent lineage(LineageView e) {
    PbtLineageEvent event = new PbtLineageEvent().round(e.round()).trial(e.trial()).epochs(e.epochs())
        .rank(e.rank()).valuesBefore(json.readTree(e.valuesBeforeJson()))
        .valuesAfter(json.readTree(e.valuesAfterJson())).decidedAt(JobMapper.time(e.decidedAt()));
    event.setValue(Double.isFinite(e.value()) ? e.value() : null);
    event.setSourceTrial(e.sourceTrial());
    event.setSourceCheckpointId(e.sourceCheckpointId());
    event.setNewCheckpointId(e.newCheckpointId());
    return event;
  }

  private static StudyRung rung(RungView r) {
    StudyRung rung = new StudyRung().trial(r.trial()).rung(r.rung()).epochs(r.epochs())
        .reachedAt(JobMapper.time(r.reachedAt()));
    rung.setValue(Double.isFinite(r.value()) ? r.value() : null);
    rung.setDecision(r.decision() == null ? null : StudyRung.DecisionEnum.fromValue(r.decision()));
    rung.setDecidedAt(JobMapper.time(r.decidedAt()));
    return rung;
  }

  private StudyTrial trial(StudyTrialView t) {
    StudyTrial trial = new StudyTrial().trial(t.trial()).seed(t.seed()).values(json.readTree(t.valuesJson()))
        .jobId(t.jobId()).status(JobMapper.status(t.status()));
    trial.setArm(t.arm());
    return trial;
  }

  private StudySummaryRow row(SummaryRow r) {
    StudySummaryRow row = new StudySummaryRow().trials(r.trials()).reached(r.reached()).diverged(r.diverged())
        .best(stat(r.best())).meanLevel(stat(r.meanLevel())).values(json.readTree(r.valuesJson()))
        .stepsToThreshold(stat(r.stepsToThreshold())).secondsToThreshold(stat(r.secondsToThreshold()));
    row.setFinal(stat(r.finalValue()));
    row.setArm(r.arm());
    row.setPoint(r.point());
    row.setPairedDifference(r.pairedDifference() == null ? null : stat(r.pairedDifference()));
    return row;
  }

  private static SummaryStat stat(Stat s) {
    SummaryStat stat = new SummaryStat().n(s.n());
    stat.setMean(s.mean());
    stat.setSd(s.sd());
    return stat;
  }
}
