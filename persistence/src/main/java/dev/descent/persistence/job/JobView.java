package dev.descent.persistence.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A snapshot of a job, detached from the persistence context. {@code progress} is null before the first heartbeat
 * that reported one; {@code failureCode}/{@code failureMessage} are null unless the job FAILED;
 * {@code stopReason}/{@code stopDetailJson} are null unless early stopping or a rule ended it ({@link JobStop});
 * {@code timeline} lists every status change and rule firing, oldest first; {@code studyId} is null unless the job
 * is a study's trial.
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
    List<JobEventView> timeline,
    UUID studyId) {

  static JobView of(TrainingJob job) {
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
        job.events().stream().map(JobEventView::of).toList(),
        job.studyId());
  }
}
