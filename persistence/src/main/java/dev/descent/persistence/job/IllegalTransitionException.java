package dev.descent.persistence.job;

import java.util.UUID;

/** A status change that {@link JobTransitions} does not allow, e.g. cancelling a finished job. */
public class IllegalTransitionException extends IllegalStateException {
  public IllegalTransitionException(UUID jobId, JobStatus from, JobStatus to) {
    super("job " + jobId + " cannot move from " + from + " to " + to);
  }
}
