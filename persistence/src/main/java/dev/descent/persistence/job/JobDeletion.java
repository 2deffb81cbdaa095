package dev.descent.persistence.job;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
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

  private static final String EXPIRED = """
      DELETE FROM job WHERE id IN (
        SELECT j.id FROM job j JOIN tenant t ON t.id = j.tenant_id
         WHERE j.study_id IS NULL AND j.status = ANY(CAST(:terminal AS text[]))
           AND j.finished_at < CAST(:now AS timestamptz)
                               - make_interval(days => coalesce(t.finished_job_retention_days, :days))
         ORDER BY j.finished_at LIMIT :limit FOR UPDATE OF j SKIP LOCKED)
      """;

  private final JdbcClient jdbc;

  public JobDeletion(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Deletes up to {@code limit} finished jobs of tenants (no study's trial, no admin's job) that finished more than
   * their tenant's {@code finished_job_retention_days} before {@code now}, else {@code defaultDays} (null: kept), the
   * oldest first, each as {@link #deleteFinished} does; how many. Rows another transaction holds are left for the next
   * call ({@code SKIP LOCKED}), so that concurrent sweeps of several instances never wait on each other.
   */
  public int deleteExpired(Instant now, Integer defaultDays, int limit) {
    return jdbc.sql(EXPIRED).param("terminal", TERMINAL).param("days", defaultDays, Types.INTEGER)
        .param("now", Timestamp.from(now)).param("limit", limit).update();
  }

  /** Deletes job {@code id} if it has finished and is no study's trial; false (nothing deleted) otherwise. */
  public boolean deleteFinished(UUID id) {
    return jdbc.sql("DELETE FROM job WHERE id = ? AND status = ANY(CAST(? AS text[])) AND study_id IS NULL")
        .params(id, TERMINAL)
        .update() == 1;
  }
}
