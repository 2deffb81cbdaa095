package dev.descent.persistence.job;

/** What a worker learns from a heartbeat. */
public enum HeartbeatResult {
  /** The job is still RUNNING and still ours: go on. */
  CONTINUE,
  /** A cancel was requested: stop, then finish the job as CANCELLED. */
  CANCEL_REQUESTED,
  /** A pause was requested: checkpoint, then release the job as PAUSED ({@link JobQueue#releasePaused}). */
  PAUSE_REQUESTED,
  /** The job is no longer ours (reaped, finished, or claimed by another worker): stop and report nothing more. */
  LOST
}
