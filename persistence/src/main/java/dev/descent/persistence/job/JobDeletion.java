package dev.descent.persistence.job;

import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes a finished job and everything stored of it in one statement, hence one transaction: the foreign keys'
 * cascades take its timeline, metric points (whose trigger empties their rollups, which cascade too) and checkpoints,
 * whose trigger unlinks their large objects (migration V7). A job another one warm-started from is deleted all the
 * same: the other keeps the origin recorded in its spec.
 */
@Component
public class JobDeletion {
  private static final String[] TERMINAL =
      Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal).map(JobStatus::name).toArray(String[]::new);

  private final JdbcClient jdbc;

  public JobDeletion(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes job {@code id} if it has finished and is no study's trial; false (nothing deleted) otherwise. */
  public boolean deleteFinished(UUID id) {
    return jdbc.sql("DELETE FROM job WHERE id = ? AND status = ANY(CAST(? AS text[])) AND study_id IS NULL")
        .params(id, TERMINAL)
        .update() == 1;
  }
}
