package dev.descent.persistence.job;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link JobService#create} stores: a label, the validated spec as JSON text (stored as {@code jsonb}), the
 * queue priority (higher first), how many claims the job gets before it is failed, and the study it is a trial of
 * (null for a single job; a trial starts {@link JobStatus#WAITING} for its study's slot), and the tenant that owns it
 * (null: no tenant, seen only by admins; a study's trials belong to the study's tenant).
 */
public record NewJob(String name, String specJson, int priority, int maxAttempts, UUID studyId, UUID tenantId) {

  public NewJob(String name, String specJson, int priority, int maxAttempts, UUID studyId) {
    this(name, specJson, priority, maxAttempts, studyId, null);
  }

  public NewJob(String name, String specJson, int priority, int maxAttempts) {
    this(name, specJson, priority, maxAttempts, null, null);
  }

  /** This job owned by {@code tenant}. */
  public NewJob ownedBy(UUID tenant) {
    return new NewJob(name, specJson, priority, maxAttempts, studyId, tenant);
  }

  public NewJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(specJson, "specJson");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }
}
