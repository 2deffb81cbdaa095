package dev.descent.api.web;

import dev.descent.api.web.generated.model.Failure;
import dev.descent.api.web.generated.model.Job;
import dev.descent.api.web.generated.model.JobEvent;
import dev.descent.api.web.generated.model.JobStatus;
import dev.descent.api.web.generated.model.JobSummary;
import dev.descent.api.web.generated.model.Progress;
import dev.descent.persistence.job.JobEventView;
import dev.descent.persistence.job.JobProgress;
import dev.descent.persistence.job.JobView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** Turns persistence's job views into the wire model of openapi.yaml. */
@Component
class JobMapper {
  private final JsonMapper json;

  JobMapper(JsonMapper json) {
    this.json = json;
  }

  Job toJob(JobView view) {
    Job job =
        new Job(view.id(), view.name(), status(view.status()), spec(view.specJson()), progress(view),
            metrics(view), time(view.createdAt()), view.attempt(), view.maxAttempts(), view.priority(),
            view.timeline().stream().map(this::event).toList());
    return job.startedAt(time(view.startedAt())).finishedAt(time(view.finishedAt())).failure(failure(view))
        .studyId(view.studyId()).stopReason(view.stopReason()).stopDetail(detail(view.stopDetailJson()));
  }

  /**
   * The stored spec as it is written out: PostgreSQL's {@code jsonb} text is valid JSON already, so it is embedded
   * as it is rather than parsed into a tree and written again (the job read is the API's hottest path).
   */
  private JsonNode spec(String specJson) {
    return json.getNodeFactory().rawValueNode(new RawValue(specJson));
  }

  /** The job without its spec and timeline, as the job list answers by default. */
  JobSummary toSummary(JobView view) {
    JobSummary job =
        new JobSummary(view.id(), view.name(), status(view.status()), progress(view), metrics(view),
            time(view.createdAt()), view.attempt(), view.maxAttempts(), view.priority());
    return job.startedAt(time(view.startedAt())).finishedAt(time(view.finishedAt())).failure(failure(view))
        .studyId(view.studyId()).stopReason(view.stopReason());
  }

  private static Map<String, Double> metrics(JobView view) {
    return Map.copyOf(view.latestMetrics() == null ? Map.of() : view.latestMetrics());
  }

  private static Failure failure(JobView view) {
    return view.failureCode() == null ? null : new Failure(view.failureCode(), view.failureMessage());
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
    Instant attemptStart = view.lastClaimAt();
    if (attemptStart == null) {
      return null;
    }
    double elapsed = Duration.between(attemptStart, view.heartbeatAt()).toMillis() / 1000.0;
    return Math.max(0, elapsed * (1 - fraction) / fraction);
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
