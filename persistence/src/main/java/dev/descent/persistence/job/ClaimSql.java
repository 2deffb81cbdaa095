package dev.descent.persistence.job;

import java.util.Set;

/**
 * The claim statement of {@link JobQueue#claim}: one statement (the claimed rows, their events) that takes QUEUED
 * jobs fairly across tenants and within each tenant's running-jobs quota.
 *
 * <p>Each queued job gets a <em>load</em>: the running jobs of its tenant plus its rank among the tenant's queued jobs
 * (priority, then age). Claims go by load first, so the tenant with the fewest running jobs is served first and
 * tenants take turns, then by priority and age as before (with one tenant, or none, that is the order of old). A job
 * whose load is over its tenant's {@code max_running_jobs} (NULL: {@code :defaultRunning}; NULL too: no limit) is not
 * claimed, so a tenant at its limit never holds up another tenant's jobs. Jobs owned by no tenant (an admin's) have no
 * limit. Running counts are read at the statement's start; {@link JobQueue} takes a transaction-scoped advisory lock
 * first, so that two claimers never both count the same free place.
 */
final class ClaimSql {
  /** The key of the advisory lock claims are serialized under ("descent" in ASCII). */
  static final long LOCK = 0x64657363656e74L;

  static final String CLAIM =
      """
      WITH running AS (
        SELECT tenant_id, count(*) AS n FROM job WHERE status IN (%4$s) GROUP BY tenant_id),
      candidate AS (
        SELECT q.id,
               coalesce(r.n, 0) + row_number() OVER (PARTITION BY q.tenant_id
                   ORDER BY q.priority DESC, coalesce(q.queued_at, q.created_at), q.id) AS load,
               CASE WHEN q.tenant_id IS NULL THEN NULL
                    ELSE coalesce(t.max_running_jobs, CAST(:defaultRunning AS integer)) END AS cap
          FROM job q
          LEFT JOIN running r ON r.tenant_id IS NOT DISTINCT FROM q.tenant_id
          LEFT JOIN tenant t ON t.id = q.tenant_id
         WHERE q.status IN (%1$s)),
      claimed AS (
        UPDATE job
           SET status = %2$s, claimed_by = :worker, heartbeat_at = now(), attempt = attempt + 1,
               started_at = coalesce(started_at, now()), version = version + 1
         WHERE id IN (SELECT j.id FROM job j JOIN candidate c ON c.id = j.id
                       WHERE j.status IN (%1$s) AND (c.cap IS NULL OR c.load <= c.cap)
                       ORDER BY c.load, j.priority DESC, coalesce(j.queued_at, j.created_at)
                       FOR UPDATE OF j SKIP LOCKED LIMIT :max)
        RETURNING id, name, spec::text AS spec, priority, attempt, max_attempts,
                  coalesce(queued_at, created_at) AS age),
      events AS (
        INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason)
        SELECT id, now(), attempt, %3$s, %2$s, 'claimed by ' || CAST(:worker AS text) FROM claimed)
      SELECT id, name, spec, priority, attempt, max_attempts FROM claimed ORDER BY priority DESC, age
      """
          .formatted(JobTransitions.CLAIM.sourcesSql(), JobTransitions.CLAIM.targetSql(),
              JobTransitions.sqlList(Set.of(JobTransitions.CLAIM.onlySource())),
              JobTransitions.sqlList(JobStatus.claimed()));

  private ClaimSql() {}
}
