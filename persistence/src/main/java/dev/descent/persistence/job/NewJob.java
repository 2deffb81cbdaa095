package dev.descent.persistence.job;

import java.util.Objects;

/**
 * What {@link JobService#create} stores: a label, the validated spec as JSON text (stored as {@code jsonb}), the
 * queue priority (higher first) and how many claims the job gets before it is failed.
 */
public record NewJob(String name, String specJson, int priority, int maxAttempts) {

  public NewJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(specJson, "specJson");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }
}
