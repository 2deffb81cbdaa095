package dev.descent.persistence.quota;

/**
 * A tenant's quotas as stored ({@code tenant.max_*}, {@code tenant.finished_job_retention_days}); a null one falls
 * back to the service default, and when that is unset too, means unlimited (a finished job kept until deleted).
 */
public record QuotaLimits(Integer maxRunningJobs, Integer maxQueuedJobs, Long maxCheckpointBytes, Long maxDataBytes,
    Integer finishedJobRetentionDays) {
  /** No quota of its own. */
  public static final QuotaLimits NONE = new QuotaLimits(null, null, null, null, null);

  /** Each quota of this one, else of {@code defaults}. */
  public QuotaLimits orElse(QuotaLimits defaults) {
    return new QuotaLimits(
        maxRunningJobs != null ? maxRunningJobs : defaults.maxRunningJobs,
        maxQueuedJobs != null ? maxQueuedJobs : defaults.maxQueuedJobs,
        maxCheckpointBytes != null ? maxCheckpointBytes : defaults.maxCheckpointBytes,
        maxDataBytes != null ? maxDataBytes : defaults.maxDataBytes,
        finishedJobRetentionDays != null ? finishedJobRetentionDays : defaults.finishedJobRetentionDays);
  }
}
