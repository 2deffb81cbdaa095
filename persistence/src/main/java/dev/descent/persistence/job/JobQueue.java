package dev.descent.persistence.job;

import dev.descent.persistence.support.MetricMaps;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue over the {@code job} table, one SQL statement per operation (each its own short transaction, events
 * included through data-modifying CTEs). Queue times are PostgreSQL's {@code now()}, so heartbeats and the reaper
 * compare times from one clock. Claims and reaps bump {@code version}, so a concurrent entity write fails its
 * optimistic check; heartbeats only touch worker-owned columns and do not. The statuses each statement moves from and
 * to are rendered from {@link JobTransitions}, not written here.
 */
@Component
public class JobQueue {

  private static final String HEARTBEAT =
      """
      UPDATE job
         SET heartbeat_at = now(), epoch = coalesce(CAST(? AS integer), epoch),
             epochs = coalesce(CAST(? AS integer), epochs), iteration = coalesce(CAST(? AS bigint), iteration),
             total_iterations = coalesce(CAST(? AS bigint), total_iterations),
             fraction = coalesce(CAST(? AS double precision), fraction),
             latest_metrics = coalesce(latest_metrics, '{}'::jsonb) || %s
       WHERE id = ? AND claimed_by = ? AND status IN (%s)
      RETURNING status
      """
          .formatted(MetricMaps.JSONB_FROM_ARRAYS, JobTransitions.sqlList(JobStatus.claimed()));

  private static final String RELEASE =
      """
      WITH released AS (
        UPDATE job SET status = %2$s, claimed_by = NULL, heartbeat_at = NULL, version = version + 1,
               max_attempts = max_attempts + 1
         WHERE id = :id AND claimed_by = :worker AND status IN (%1$s)
        RETURNING id, attempt),
      events AS (
        INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason)
        SELECT id, now(), attempt, %3$s, %2$s, CAST(:reason AS text) FROM released)
      SELECT count(*) FROM released
      """;

  private static final String REQUEUE = RELEASE.formatted(sqlOf(JobTransitions.REQUEUE));

  private static final String ANNOTATE =
      """
      INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason, kind, detail)
      SELECT id, now(), attempt, status, status, :reason, 'rule', CAST(:detail AS jsonb) FROM job
       WHERE id = :id AND claimed_by = :worker AND status IN (%s)
      """
          .formatted(JobTransitions.sqlList(JobStatus.claimed()));

  private static final String RELEASE_PAUSED = RELEASE.formatted(sqlOf(JobTransitions.RELEASE_PAUSED));

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public JobQueue(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * The arguments a statement of {@code transition} is formatted with: {@code %1$s} its sources as an SQL list,
   * {@code %2$s} its target and {@code %3$s} its one source as SQL literals (for the event's {@code from_status}).
   */
  private static Object[] sqlOf(JobTransitions transition) {
    return new Object[] {
      transition.sourcesSql(), transition.targetSql(), JobTransitions.sqlList(Set.of(transition.onlySource()))
    };
  }

  /** {@link #claim(String, int, Integer)} with no default running-jobs quota. */
  public List<ClaimedJob> claim(String workerId, int max) {
    return claim(workerId, max, null);
  }

  /**
   * Claims up to {@code max} QUEUED jobs for {@code workerId}: the tenant with the fewest running jobs first, then
   * highest priority and oldest; a study's trial is as old as its release into the queue ({@code queued_at}), so it
   * never overtakes a job submitted before. Jobs of a tenant at its running-jobs quota (its own, else {@code
   * defaultMaxRunning}; null: none) stay queued ({@link ClaimSql}). Claims are serialized by a transaction-scoped
   * advisory lock taken just before the one claim statement, so the running counts it reads are current.
   */
  public List<ClaimedJob> claim(String workerId, int max, Integer defaultMaxRunning) {
    if (max < 1) {
      return List.of();
    }
    return transactions.execute(status -> {
      jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", ClaimSql.LOCK).query((rs, row) -> 0).list();
      return claimStatement(workerId, max, defaultMaxRunning);
    });
  }

  private List<ClaimedJob> claimStatement(String workerId, int max, Integer defaultMaxRunning) {
    return jdbc.sql(ClaimSql.CLAIM)
        .param("worker", workerId)
        .param("max", max)
        .param("defaultRunning", defaultMaxRunning)
        .query(
            (rs, row) ->
                new ClaimedJob(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("spec"),
                    rs.getInt("priority"),
                    rs.getInt("attempt"),
                    rs.getInt("max_attempts")))
        .list();
  }

  /**
   * Records that {@code workerId} is alive on job {@code id}, with its progress (null: none yet, the stored progress
   * stays, e.g. where a resumed attempt starts) and latest metrics (merged into the ones reported before). The result
   * tells the worker whether to go on, stop for a cancel or a pause, or stop because the job is no longer its own.
   */
  public HeartbeatResult heartbeat(UUID id, String workerId, JobProgress progress, Map<String, Double> metrics) {
    boolean none = progress == null;
    return jdbc.sql(HEARTBEAT)
        .params(
            none ? null : progress.epoch(),
            none ? null : progress.epochs(),
            none ? null : progress.iteration(),
            none ? null : progress.totalIterations(),
            none ? null : progress.fraction(),
            MetricMaps.names(metrics),
            MetricMaps.values(metrics),
            id,
            workerId)
        .query(String.class)
        .optional()
        .map(status -> switch (JobStatus.valueOf(status)) {
          case CANCELLING -> HeartbeatResult.CANCEL_REQUESTED;
          case PAUSING -> HeartbeatResult.PAUSE_REQUESTED;
          default -> HeartbeatResult.CONTINUE;
        })
        .orElse(HeartbeatResult.LOST);
  }

  /**
   * Puts a RUNNING job that {@code workerId} holds back in the queue (a stopping service hands its jobs on; the next
   * claim counts the attempt up and continues from the latest checkpoint). A release does not use up an attempt:
   * {@code max_attempts} grows by one with it, so restarts never eat into the budget for crashes. False when the job
   * is not, or no longer, this worker's RUNNING job.
   */
  public boolean release(UUID id, String workerId, String reason) {
    return release(REQUEUE, id, workerId, reason);
  }

  /**
   * Lets a PAUSING job that {@code workerId} holds go as PAUSED, once its run has checkpointed; like {@link #release}
   * it does not use up an attempt. False when the job is not, or no longer, this worker's PAUSING job.
   */
  public boolean releasePaused(UUID id, String workerId, String reason) {
    return release(RELEASE_PAUSED, id, workerId, reason);
  }

  /**
   * Whether the job was PAUSED in attempt {@code attempt} or later (its timeline has such a move): a later attempt that
   * resumes from a checkpoint of {@code attempt} taken for a rule's pause knows from it whether the pause was taken
   * (then the trial was promoted, or the job unpaused) or lost with its worker before the job was PAUSED.
   */
  public boolean pausedSince(UUID id, int attempt) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM job_event WHERE job_id = :id AND to_status = :paused "
        + "AND from_status <> :paused AND attempt >= :attempt)").param("id", id).param("attempt", attempt)
        .param("paused", JobStatus.PAUSED.name()).query(Boolean.class).single();
  }

  private boolean release(String sql, UUID id, String workerId, String reason) {
    return jdbc.sql(sql).param("id", id).param("worker", workerId).param("reason", reason)
        .query(Long.class).single() > 0;
  }

  /**
   * Adds a rule's firing to the timeline of the job {@code workerId} holds: an event of kind {@code rule} whose from
   * and to are the job's status, with the firing's JSON as its detail. No status changes. False when the job is not,
   * or no longer, this worker's.
   */
  public boolean annotate(UUID id, String workerId, String reason, String detailJson) {
    return jdbc.sql(ANNOTATE).param("id", id).param("worker", workerId).param("reason", reason)
        .param("detail", detailJson).update() > 0;
  }

  /**
   * Moves every claimed job whose heartbeat is older than {@code staleAfter}: RUNNING ones back to QUEUED (the
   * attempt count stays; the next claim counts up) or, when their attempts are spent, to FAILED with {@link
   * FailureCodes#MAX_ATTEMPTS}; CANCELLING ones to CANCELLED. One statement per rule, locked rows skipped.
   */
  public ReapResult reap(Duration staleAfter) {
    Map<ReapRule, List<UUID>> moved = new EnumMap<>(ReapRule.class);
    for (ReapRule rule : ReapRule.values()) {
      moved.put(rule, reap(rule, staleAfter));
    }
    return new ReapResult(moved.get(ReapRule.REQUEUE), moved.get(ReapRule.FAIL), moved.get(ReapRule.CANCEL),
        moved.get(ReapRule.PAUSE));
  }

  /** One rule's statement: the ids of the jobs it moved. */
  List<UUID> reap(ReapRule rule, Duration staleAfter) {
    return jdbc.sql(rule.sql())
        .param("from", rule.from.name())
        .param("to", rule.to.name())
        .param("terminal", rule.to.isTerminal())
        .param("failureCode", rule.failureCode)
        .param("staleSeconds", staleAfter.toNanos() / 1e9)
        .query(UUID.class)
        .list();
  }
}
