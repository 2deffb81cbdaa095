package dev.descent.persistence.job;

import java.util.EnumSet;
import java.util.Set;

/** Where a job is in its life; stored by name in {@code job.status}. The allowed moves are {@link JobTransitions}. */
public enum JobStatus {
  /** A study's trial waiting for one of its study's slots; the study's ticker queues it ({@link JobTransitions}). */
  WAITING,
  QUEUED,
  RUNNING,
  CANCELLING,
  PAUSING,
  PAUSED,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  /** A study's trial its ASHA scheduler stopped at a rung without promoting it; its metrics and checkpoints stay. */
  PRUNED;

  /**
   * True for the states a run ends in; entering one sets {@code finished_at}. SUCCEEDED and PRUNED are final; a user
   * may resume a FAILED or CANCELLED job ({@link JobTransitions#RESUME}), which clears {@code finished_at} again.
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED
        || this == PRUNED;
  }

  /**
   * True while a worker owns the job and is expected to heart-beat: exactly the statuses its run may still end from
   * ({@link JobTransitions#SUCCEED}).
   */
  public boolean isClaimed() {
    return JobTransitions.SUCCEED.allows(this);
  }

  /** The statuses a worker owns, in declaration order. */
  static Set<JobStatus> claimed() {
    return EnumSet.copyOf(JobTransitions.SUCCEED.sources());
  }
}
