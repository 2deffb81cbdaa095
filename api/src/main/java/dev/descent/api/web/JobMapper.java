package dev.descent.api.web;

import dev.descent.api.web.generated.model.Failure;
import dev.descent.api.web.generated.model.Job;
import dev.descent.api.web.generated.model.JobEvent;
import dev.descent.api.web.generated.model.JobStatus;
import dev.descent.api.web.generated.model.Progress;
import dev.descent.persistence.job.JobEventView;
import dev.descent.persistence.job.JobProgress;
import dev.descent.persistence.job.JobView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns persistence's job views into the wire model of openapi.yaml. */
@Component
class JobMapper {
  private final JsonMapper json;

  JobMapper(JsonMapper json) {
    this.json = json;
  }

  Job toJob(JobView view) {
    Job job =
        new Job(view.id(), view.name(), status(view.status()), json.readTree(view.specJson()), progress(view),
            Map.copyOf(view.latestMetrics() == null ? Map.of() : view.latestMetrics()), time(view.createdAt()),
            view.attempt(), view.maxAttempts(), view.priority(),
            view.timeline().stream().map(this::event).toList());
    job.setStartedAt(time(view.startedAt()));
    job.setFinishedAt(time(view.finishedAt()));
    job.setStudyId(view.studyId());
    if (view.failureCode() != null) {
      job.setFailure(new Failure(view.failureCode(), view.failureMessage()));
    }
    job.setStopReason(view.stopReason());
    job.setStopDetail(detail(view.stopDetailJson()));
    return job;
  }

  static JobStatus status(dev.descent.persistence.job.JobStatus status) {
    return JobStatus.valueOf(status.name());
  }

  static dev.descent.persistence.job.JobStatus status(JobStatus status) {
    return dev.descent.persistence.job.JobStatus.valueOf(status.name());
  }

  private static Progress progress(JobView view) {
    JobProgress p = view.progress();
    if (p == null) {
      return new Progress(0, 0, 0L, 0L, 0.0);
    }
    Progress progress = new Progress(p.epoch(), p.epochs(), p.iteration(), p.totalIterations(), p.fraction());
    progress.setEtaSeconds(eta(view, p.fraction()));
    return progress;
  }

  /** Seconds left at the current attempt's pace: elapsed × (1 − f) / f, from its last claim to its last heartbeat. */
  private static Double eta(JobView view, double fraction) {
    if (view.status() != dev.descent.persistence.job.JobStatus.RUNNING || view.heartbeatAt() == null
        || fraction <= 0) {
      return null;
    }
    if (fraction >= 1) {
      return 0.0;
    }
    Instant attemptStart = lastClaim(view.timeline());
    if (attemptStart == null) {
      return null;
    }
    double elapsed = Duration.between(attemptStart, view.heartbeatAt()).toMillis() / 1000.0;
    return Math.max(0, elapsed * (1 - fraction) / fraction);
  }

  private static Instant lastClaim(List<JobEventView> timeline) {
    Instant last = null;
    for (JobEventView e : timeline) {
      if (e.to() == dev.descent.persistence.job.JobStatus.RUNNING && JobEventView.STATUS.equals(e.kind())) {
        last = e.at();
      }
    }
    return last;
  }

  private JobEvent event(JobEventView e) {
    JobEvent event = new JobEvent(time(e.at()), e.attempt(), status(e.to()));
    event.setFrom(e.from() == null ? null : status(e.from()));
    event.setReason(e.reason());
    event.setKind(JobEvent.KindEnum.fromValue(e.kind()));
    event.setDetail(detail(e.detailJson()));
    return event;
  }

  private JsonNode detail(String detailJson) {
    return detailJson == null ? null : json.readTree(detailJson);
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
