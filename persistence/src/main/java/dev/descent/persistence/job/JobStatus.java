package dev.descent.persistence.job;

/** Where a job is in its life; stored by name in {@code job.status}. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  CANCELLING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** True for the states a job never leaves; entering one sets {@code finished_at}. */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /** True while a worker owns the job and is expected to heart-beat. */
  public boolean isClaimed() {
    return this == RUNNING || this == CANCELLING;
  }
}
