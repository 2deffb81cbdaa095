package dev.descent.persistence.job;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes jobs through their guarded transitions ({@link JobTransitions}), each in its own short transaction. A
 * change that loses an optimistic-locking race (the queue claimed or reaped the job meanwhile) is retried on fresh
 * state up to {@link #CONFLICT_ATTEMPTS} times. Times come from the injected {@link Clock}, at PostgreSQL's
 * microsecond precision.
 */
@Service
public class JobService {

  static final int CONFLICT_ATTEMPTS = 3;

  private final JobRepository jobs;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public JobService(JobRepository jobs, PlatformTransactionManager transactionManager, Clock clock) {
    this.jobs = jobs;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Stores a new QUEUED job with its submission event. */
  public JobView create(NewJob job) {
    return transactions.execute(
        status -> JobView.of(jobs.save(TrainingJob.submit(UUID.randomUUID(), job, now()))));
  }

  /**
   * Cancels a job: QUEUED → CANCELLED at once, RUNNING → CANCELLING (its worker stops at the next heartbeat and
   * finishes it as CANCELLED); a CANCELLING job is left as it is. Empty when there is no such job.
   *
   * @throws IllegalTransitionException when the job has already finished
   */
  public Optional<JobView> cancel(UUID id, String reason) {
    return retryOnConflict(() -> jobs.findById(id).map(job -> JobView.of(cancel(job, reason))));
  }

  /**
   * Pauses a job: QUEUED → PAUSED at once, RUNNING → PAUSING (its worker checkpoints at the next update and lets it go
   * as PAUSED); a PAUSING or PAUSED job is left as it is. Empty when there is no such job.
   *
   * @throws IllegalTransitionException when the job has already finished
   */
  public Optional<JobView> pause(UUID id, String reason) {
    return retryOnConflict(() -> jobs.findById(id).map(job -> JobView.of(pause(job, reason))));
  }

  /**
   * A rule of the job asks its own worker to pause it: RUNNING → PAUSING with the firing's JSON on the event, so that
   * the worker then lets it go as PAUSED ({@link JobQueue#releasePaused}). False when the job is not RUNNING and
   * claimed by {@code workerId} (a user cancelled or paused it meanwhile, or it was taken away).
   */
  public boolean pauseByRule(UUID id, String workerId, String reason, String detailJson) {
    return retryOnConflict(() -> jobs.findById(id)
        .filter(job -> JobTransitions.REQUEST_PAUSE.allows(job.status()) && workerId.equals(job.claimedBy()))
        .map(job -> {
          job.requestPause(now(), reason, detailJson);
          return job;
        })
        .isPresent());
  }

  /**
   * Puts a PAUSED job back in the queue with its priority and age. Empty when there is no such job.
   *
   * @throws IllegalTransitionException when the job is not PAUSED
   */
  public Optional<JobView> unpause(UUID id, String reason) {
    return retryOnConflict(() -> jobs.findById(id).map(job -> {
      job.unpause(now(), reason);
      return JobView.of(job);
    }));
  }

  /**
   * Queues a FAILED or CANCELLED job again with {@code specJson} (see {@link TrainingJob#resume}). Empty when there is
   * no such job.
   *
   * @throws IllegalTransitionException when the job is not FAILED or CANCELLED
   */
  public Optional<JobView> resume(UUID id, String specJson, int attemptsBudget, String reason) {
    return retryOnConflict(() -> jobs.findById(id).map(job -> {
      job.resume(specJson, attemptsBudget, now(), reason);
      return JobView.of(job);
    }));
  }

  /**
   * Ends the attempt that {@code workerId} holds. False when the job is unknown, not claimed, or claimed by another
   * worker (the caller lost it: it must not report anything more).
   *
   * @throws IllegalTransitionException when the result does not follow from the status, e.g. CANCELLED while RUNNING
   */
  public boolean finish(UUID id, String workerId, JobResult result) {
    return retryOnConflict(
        () ->
            jobs.findById(id)
                .filter(job -> job.status().isClaimed() && workerId.equals(job.claimedBy()))
                .map(job -> finish(job, workerId, result))
                .isPresent());
  }

  private TrainingJob cancel(TrainingJob job, String reason) {
    if (JobTransitions.REQUEST_CANCEL.allows(job.status())) {
      job.requestCancel(now(), reason);
    } else if (job.status() != JobStatus.CANCELLING) { // asked already: left as it is
      job.markCancelled(now(), reason); // a finished job refuses
    }
    return job;
  }

  private TrainingJob pause(TrainingJob job, String reason) {
    if (JobTransitions.REQUEST_PAUSE.allows(job.status())) {
      job.requestPause(now(), reason);
    } else if (job.status() != JobStatus.PAUSING && job.status() != JobStatus.PAUSED) { // asked already
      job.pause(now(), reason); // only a queued job may; the others refuse
    }
    return job;
  }

  private TrainingJob finish(TrainingJob job, String workerId, JobResult result) {
    switch (result.status()) {
      case SUCCEEDED -> job.markSucceeded(now(), result.stop());
      case FAILED -> job.markFailed(result.failureCode(), result.failureMessage(), now(), result.stop());
      default -> job.markCancelled(now(), "stopped by " + workerId);
    }
    return job;
  }

  private <T> T retryOnConflict(Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> change.get());
      } catch (OptimisticLockingFailureException conflict) {
        if (attempt == CONFLICT_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
