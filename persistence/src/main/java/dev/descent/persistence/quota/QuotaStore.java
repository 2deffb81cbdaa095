package dev.descent.persistence.quota;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A tenant's quotas (columns of {@code tenant}, V23) and what it uses now, one statement each. The running-jobs quota
 * is enforced by the claim itself ({@code JobQueue.claim}); the others by the service before it stores anything.
 */
@Service
public class QuotaStore {
  private static final String USAGE = """
      SELECT (SELECT count(*) FROM job WHERE tenant_id = :t AND status IN (%s)) AS running,
             (SELECT count(*) FROM job WHERE tenant_id = :t AND status = '%s') AS queued,
             (SELECT coalesce(sum(c.size_bytes), 0) FROM checkpoint c JOIN job j ON j.id = c.job_id
               WHERE j.tenant_id = :t) AS checkpoint_bytes,
             (SELECT coalesce(sum(size_bytes), 0) FROM dataset_file WHERE tenant_id = :t) AS data_bytes
      """.formatted(JobTransitions.sqlList(JobTransitions.SUCCEED.sources()), JobStatus.QUEUED.name());

  private final JdbcClient jdbc;

  public QuotaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The tenant's own quotas; empty when there is no such tenant. */
  public Optional<QuotaLimits> limits(UUID tenant) {
    return jdbc.sql("SELECT max_running_jobs, max_queued_jobs, max_checkpoint_bytes, max_data_bytes, "
        + "finished_job_retention_days FROM tenant WHERE id = :t").param("t", tenant)
        .query((rs, row) -> new QuotaLimits(rs.getObject("max_running_jobs", Integer.class),
            rs.getObject("max_queued_jobs", Integer.class), rs.getObject("max_checkpoint_bytes", Long.class),
            rs.getObject("max_data_bytes", Long.class), rs.getObject("finished_job_retention_days", Integer.class)))
        .optional();
  }

  /**
   * Replaces the tenant's quotas and its finished-job retention (null ones: the service default); false when there is
   * no such tenant.
   */
  public boolean set(UUID tenant, QuotaLimits limits) {
    return jdbc.sql("UPDATE tenant SET max_running_jobs = :running, max_queued_jobs = :queued, "
        + "max_checkpoint_bytes = :checkpoint, max_data_bytes = :data, finished_job_retention_days = :retention "
        + "WHERE id = :t")
        .param("running", limits.maxRunningJobs()).param("queued", limits.maxQueuedJobs())
        .param("checkpoint", limits.maxCheckpointBytes()).param("data", limits.maxDataBytes())
        .param("retention", limits.finishedJobRetentionDays()).param("t", tenant)
        .update() > 0;
  }

  /**
   * Takes the tenant's submit lock until the transaction ends (a transaction-scoped advisory lock on {@code quota:}
   * and the tenant id): a quota check and the rows it admits, made under it, see every earlier admitted row.
   */
  public void lock(UUID tenant) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(:key AS text), 0))")
        .param("key", "quota:" + tenant).query((rs, row) -> 0).list();
  }

  /** What the tenant uses now. */
  public QuotaUsage usage(UUID tenant) {
    return jdbc.sql(USAGE).param("t", tenant).query((rs, row) -> new QuotaUsage(rs.getLong("running"),
        rs.getLong("queued"), rs.getLong("checkpoint_bytes"), rs.getLong("data_bytes"))).single();
  }
}
