package dev.descent.persistence.job;

import java.util.UUID;

/** A status change that {@link JobTransitions} does not allow, e.g. cancelling a finished job. */
public class IllegalTransitionException extends IllegalStateException {

  private final UUID jobId;
  private final JobStatus from;
  private final JobStatus to;

  public IllegalTransitionException(UUID jobId, JobStatus from, JobStatus to) {
    super("job " + jobId + " cannot move from " + from + " to " + to);
    this.jobId = jobId;
    this.from = from;
    this.to = to;
  }

  public UUID jobId() {
    return jobId;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}
