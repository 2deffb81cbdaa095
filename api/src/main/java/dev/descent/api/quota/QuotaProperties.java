package dev.descent.api.quota;

import dev.descent.persistence.quota.QuotaLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's default quotas ({@code descent.quotas.*}), for every tenant whose own quota ({@code PUT
 * /api/v1/tenants/{tenantId}/quotas}) is unset; unset here too means unlimited. Admin keys have no quota.
 *
 * @param maxRunningJobs jobs of one tenant training at once; more stay queued
 * @param maxQueuedJobs queued jobs of one tenant; a submit beyond is answered 429
 * @param maxCheckpointBytes stored checkpoint bytes of one tenant; a submit at or over it is answered 422
 * @param maxDataBytes uploaded data-folder bytes of one tenant; an upload beyond is answered 413
 * @param finishedJobRetentionDays days after which a finished job of a tenant (not a study's trial) is deleted
 * @param retryAfter the {@code Retry-After} a 429 names
 * @param retentionSweepInterval how often finished jobs past their tenant's retention are deleted
 */
@ConfigurationProperties("descent.quotas")
public record QuotaProperties(Integer maxRunningJobs, Integer maxQueuedJobs, DataSize maxCheckpointBytes,
    DataSize maxDataBytes, Integer finishedJobRetentionDays, @DefaultValue("30s") Duration retryAfter,
    @DefaultValue("1h") Duration retentionSweepInterval) {

  /** The defaults as limits. */
  public QuotaLimits limits() {
    return new QuotaLimits(maxRunningJobs, maxQueuedJobs, bytes(maxCheckpointBytes), bytes(maxDataBytes),
        finishedJobRetentionDays);
  }

  private static Long bytes(DataSize size) {
    return size == null ? null : size.toBytes();
  }
}
