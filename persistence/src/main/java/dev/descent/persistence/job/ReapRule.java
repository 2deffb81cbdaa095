package dev.descent.persistence.job;

/**
 * What the reaper does with a claimed job whose worker stopped heart-beating: a RUNNING job with attempts left goes
 * back to the queue, one without is failed with {@link FailureCodes#MAX_ATTEMPTS}, a CANCELLING one is cancelled, a
 * PAUSING one paused (unpaused, it goes on from its latest checkpoint).
 * Each rule is one SQL statement in {@link JobQueue#reap}; {@code condition} filters on the job's own columns. A rule
 * names its {@link JobTransitions transition} and the one status of its sources that it reaps; the target comes from
 * the table, and a rule whose status the transition does not start from fails when the class loads.
 */
enum ReapRule {
  REQUEUE(
      JobTransitions.REQUEUE,
      JobStatus.RUNNING,
      "attempt < max_attempts",
      null,
      "'heartbeat lost from ' || claimed_by"),
  FAIL(
      JobTransitions.FAIL,
      JobStatus.RUNNING,
      "attempt >= max_attempts",
      FailureCodes.MAX_ATTEMPTS,
      "'heartbeat lost from ' || claimed_by || ' in attempt ' || attempt || ' of ' || max_attempts"),
  CANCEL(JobTransitions.CANCEL, JobStatus.CANCELLING, "true", null, "'heartbeat lost while cancelling'"),
  PAUSE(JobTransitions.RELEASE_PAUSED, JobStatus.PAUSING, "true", null, "'heartbeat lost while pausing'");

  final JobStatus from;
  final JobStatus to;
  final String condition;
  final String failureCode;
  final String reasonSql;

  ReapRule(JobTransitions transition, JobStatus from, String condition, String failureCode, String reasonSql) {
    if (!transition.allows(from)) {
      throw new IllegalStateException(transition + " does not start from " + from);
    }
    this.from = from;
    this.to = transition.target();
    this.condition = condition;
    this.failureCode = failureCode;
    this.reasonSql = reasonSql;
  }

  /** The statement: lock the stale jobs (skipping locked ones), move them, append their events, return their ids. */
  String sql() {
    return """
        WITH stale AS (
          SELECT id, %s AS reason FROM job
           WHERE status = :from AND heartbeat_at < now() - make_interval(secs => :staleSeconds) AND %s
           FOR UPDATE SKIP LOCKED),
        moved AS (
          UPDATE job j
             SET status = :to, version = j.version + 1,
                 claimed_by = CASE WHEN :terminal THEN j.claimed_by END,
                 heartbeat_at = CASE WHEN :terminal THEN j.heartbeat_at END,
                 finished_at = CASE WHEN :terminal THEN now() END,
                 failure_code = CAST(:failureCode AS text),
                 failure_message = CASE WHEN CAST(:failureCode AS text) IS NULL THEN NULL ELSE stale.reason END
            FROM stale WHERE j.id = stale.id
          RETURNING j.id, j.attempt, stale.reason),
        events AS (
          INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason)
          SELECT id, now(), attempt, :from, :to, reason FROM moved)
        SELECT id FROM moved ORDER BY id
        """
        .formatted(reasonSql, condition);
  }
}
