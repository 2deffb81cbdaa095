package dev.descent.persistence.job;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link JobService#create} stores: a label, the validated spec as JSON text (stored as {@code jsonb}), the
 * queue priority (higher first), how many claims the job gets before it is failed, and the study it is a trial of
 * (null for a single job; a trial starts {@link JobStatus#WAITING} for its study's slot).
 */
public record NewJob(String name, String specJson, int priority, int maxAttempts, UUID studyId) {

  public NewJob(String name, String specJson, int priority, int maxAttempts) {
    this(name, specJson, priority, maxAttempts, null);
  }

  public NewJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(specJson, "specJson");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }
}
