package dev.descent.api.worker;

import dev.descent.api.quota.QuotaProperties;
import dev.descent.persistence.job.JobDeletion;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retention by age: every {@code descent.quotas.retention-sweep-interval}, deletes the finished jobs of tenants that
 * finished more than their {@code finishedJobRetentionDays} ago (the tenant's own, else
 * {@code descent.quotas.finished-job-retention-days}; unset: kept), each with everything stored of it as
 * {@code DELETE /api/v1/jobs/{id}} does ({@link JobDeletion}). A study's trials stay with their study; an admin's jobs
 * have no tenant and are kept. Safe to run from many instances at once.
 */
@Component
class ExpiredJobs extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(ExpiredJobs.class);
  private static final int BATCH = 100;

  private final JobDeletion deletion;
  private final QuotaProperties defaults;
  private final Clock clock;

  ExpiredJobs(JobDeletion deletion, QuotaProperties defaults, Clock clock) {
    super("descent-retention", defaults.retentionSweepInterval());
    this.deletion = deletion;
    this.defaults = defaults;
    this.clock = clock;
  }

  @Override
  protected void tick() {
    try {
      int deleted = sweep();
      if (deleted > 0) {
        log.info("Deleted {} finished jobs past their tenants' retention", deleted);
      }
    } catch (RuntimeException e) {
      log.error("Deleting finished jobs past their retention failed; retrying on the next sweep", e);
    }
  }

  /** Deletes every finished job past its tenant's retention now, a batch per transaction; how many. */
  int sweep() {
    int total = 0;
    for (int deleted = BATCH; deleted == BATCH; total += deleted) {
      deleted = deletion.deleteExpired(clock.instant(), defaults.finishedJobRetentionDays(), BATCH);
    }
    return total;
  }
}
