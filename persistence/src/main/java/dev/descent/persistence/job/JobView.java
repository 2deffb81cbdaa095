package dev.descent.persistence.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot of a job, detached from the persistence context. {@code progress} is null before the first heartbeat
 * that reported one; {@code failureCode}/{@code failureMessage} are null unless the job FAILED;
 * {@code stopReason}/{@code stopDetailJson} are null unless early stopping or a rule ended it ({@link JobStop});
 * {@code lastClaimAt} is when the latest attempt was claimed (null before the first claim); {@code timeline} lists
 * every status change and rule firing, oldest first; {@code studyId} is null unless the job is a study's trial. A
 * summary ({@link JobReader#list} without details) has a null {@code specJson} and an empty {@code timeline}.
 */
public record JobView(
    UUID id,
    String name,
    JobStatus status,
    String specJson,
    int priority,
    int attempt,
    int maxAttempts,
    String claimedBy,
    JobProgress progress,
    Map<String, Double> latestMetrics,
    Instant createdAt,
    Instant startedAt,
    Instant heartbeatAt,
    Instant finishedAt,
    String failureCode,
    String failureMessage,
    String stopReason,
    String stopDetailJson,
    Instant lastClaimAt,
    List<JobEventView> timeline,
    UUID studyId) {

  static JobView of(TrainingJob job) {
    List<JobEventView> timeline = job.events().stream().map(JobEventView::of).toList();
    return new JobView(
        job.id(),
        job.name(),
        job.status(),
        job.spec(),
        job.priority(),
        job.attempt(),
        job.maxAttempts(),
        job.claimedBy(),
        job.progress(),
        job.latestMetrics(),
        job.createdAt(),
        job.startedAt(),
        job.heartbeatAt(),
        job.finishedAt(),
        job.failureCode(),
        job.failureMessage(),
        job.stopReason(),
        job.stopDetail(),
        lastClaim(timeline),
        timeline,
        job.studyId());
  }

  /** This job with {@code timeline} (oldest first) and the latest claim in it. */
  JobView withTimeline(List<JobEventView> timeline) {
    return new JobView(id, name, status, specJson, priority, attempt, maxAttempts, claimedBy, progress, latestMetrics,
        createdAt, startedAt, heartbeatAt, finishedAt, failureCode, failureMessage, stopReason, stopDetailJson,
        lastClaim(timeline), timeline, studyId);
  }

  /** When the latest attempt in {@code timeline} was claimed (its last move to RUNNING); null when none was. */
  static Instant lastClaim(List<JobEventView> timeline) {
    Instant last = null;
    for (JobEventView e : timeline) {
      if (e.to() == JobStatus.RUNNING && JobEventView.STATUS.equals(e.kind())) {
        last = e.at();
      }
    }
    return last;
  }
}
