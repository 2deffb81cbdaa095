package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves studies along, one statement each, safe to run from many instances at once. {@link #release}: for every RUNNING
 * study not locked by another ticker ({@code FOR UPDATE SKIP LOCKED}), the next WAITING trials (those ASHA promoted
 * first, from the highest rung, then by trial number) go to QUEUED, as many as the study's {@code max_concurrent} minus
 * its active trials (queued or claimed by a worker), with their events and {@code queued_at = now()} (their age in the
 * queue); the {@code job_queued} trigger then wakes the workers. Two tickers with different snapshots pick from the
 * same trial order, so the later one finds the earlier one's picks no longer WAITING and the bound holds. {@link
 * #complete}: RUNNING studies whose jobs have all ended become SUCCEEDED.
 */
@Component
public class StudyQueue {
  private static final String RELEASE = """
      WITH studies AS (
        SELECT id, max_concurrent FROM study WHERE status = 'RUNNING' ORDER BY id FOR UPDATE SKIP LOCKED),
      picked AS (
        SELECT w.job_id
          FROM studies s
          CROSS JOIN LATERAL (
                SELECT greatest(0, s.max_concurrent - count(*)) AS free
                  FROM job a WHERE a.study_id = s.id AND a.status IN (%4$s)) f
          CROSS JOIN LATERAL (
                SELECT t.job_id FROM study_trial t JOIN job j ON j.id = t.job_id
                 WHERE t.study_id = s.id AND j.status IN (%1$s)
                 ORDER BY (SELECT max(r.rung) FROM study_rung r WHERE r.study_id = t.study_id AND r.trial = t.trial
                              AND r.decision = 'promoted') DESC NULLS LAST, t.trial
                 LIMIT f.free) w),
      released AS (
        UPDATE job SET status = %2$s, queued_at = now(), version = version + 1
         WHERE id IN (SELECT job_id FROM picked) AND status IN (%1$s)
        RETURNING id, attempt),
      events AS (
        INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason)
        SELECT id, now(), attempt, %3$s, %2$s, 'study slot' FROM released)
      SELECT id FROM released
      """.formatted(JobTransitions.RELEASE_WAITING.sourcesSql(), JobTransitions.RELEASE_WAITING.targetSql(),
          JobTransitions.sqlList(Set.of(JobTransitions.RELEASE_WAITING.onlySource())), sqlList(active()));
  private static final String COMPLETE = """
      UPDATE study s SET status = 'SUCCEEDED', finished_at = now()
       WHERE s.status = 'RUNNING'
         AND NOT EXISTS (SELECT 1 FROM job j WHERE j.study_id = s.id AND j.status NOT IN (%s))
      RETURNING id
      """.formatted(sqlList(EnumSet.copyOf(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal)
          .collect(Collectors.toSet()))));

  private final JdbcClient jdbc;

  public StudyQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The statuses that take one of a study's slots: queued, or held by a worker. */
  static Set<JobStatus> active() {
    Set<JobStatus> active = EnumSet.of(JobStatus.QUEUED);
    Arrays.stream(JobStatus.values()).filter(JobStatus::isClaimed).forEach(active::add);
    return active;
  }

  /** Queues the next waiting trials of every study with free slots; the ids of the jobs queued. */
  public List<UUID> release() {
    return jdbc.sql(RELEASE).query(UUID.class).list();
  }

  /** Marks the running studies whose jobs have all ended SUCCEEDED; their ids. */
  public List<UUID> complete() {
    return jdbc.sql(COMPLETE).query(UUID.class).list();
  }

  private static String sqlList(Set<JobStatus> statuses) {
    return JobTransitions.sqlList(statuses);
  }
}
