package dev.descent.persistence.job;

import dev.descent.persistence.support.MetricMaps;
import dev.descent.persistence.support.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The SQL that {@link JobReader} reads jobs with, and the mapping of its rows to {@link JobView}s. The columns of
 * {@link #COLUMNS} are the job row; {@link #EVENT_COLUMNS} one timeline entry (null for a job without events).
 */
final class JobRows {

  /** The job's own columns, as {@code j}; {@code %s} is the spec column (or {@code NULL} for summaries). */
  private static final String COLUMNS =
      """
      j.id, j.name, j.status, %s AS spec, j.priority, j.attempt, j.max_attempts, j.claimed_by,
      j.epoch, j.epochs, j.iteration, j.total_iterations, j.fraction,
      ARRAY(SELECT key FROM jsonb_each_text(j.latest_metrics) ORDER BY key) AS metric_names,
      ARRAY(SELECT value FROM jsonb_each_text(j.latest_metrics) ORDER BY key) AS metric_values,
      j.created_at, j.started_at, j.heartbeat_at, j.finished_at, j.failure_code, j.failure_message,
      j.stop_reason, j.stop_detail::text AS stop_detail, j.study_id""";

  private static final String EVENT_COLUMNS =
      "e.job_id, e.at, e.attempt AS event_attempt, e.from_status, e.to_status, e.reason, e.kind,"
          + " e.detail::text AS event_detail";

  /** Whether the caller sees the job: {@link Visibility#predicate} over its owner. */
  static final String VISIBLE = Visibility.predicate("j.tenant_id");

  /**
   * One job with its timeline in one statement: a row per event (oldest first), the job's columns on each; none when
   * the job is not {@link #VISIBLE}.
   */
  static final String FIND =
      "SELECT j.*, " + EVENT_COLUMNS + " FROM (SELECT " + COLUMNS.formatted("j.spec::text")
          + " FROM job j WHERE j.id = :id AND " + VISIBLE + ") j LEFT JOIN job_event e ON e.job_id = j.id"
          + " ORDER BY e.id";

  /**
   * A page of jobs newest first ({@code %1$s}: spec column, {@code %2$s}: status filter), with the time of each one's
   * latest claim (for summaries, which carry no timeline) and the number of jobs that pass the filter.
   */
  private static final String PAGE =
      "SELECT " + COLUMNS + """
      ,
             (SELECT e.at FROM job_event e WHERE e.job_id = j.id AND e.to_status = 'RUNNING'
                 AND e.kind = 'status' ORDER BY e.id DESC LIMIT 1) AS last_claim_at,
             count(*) OVER () AS total
        FROM job j %s
       ORDER BY j.created_at DESC, j.id DESC LIMIT :size OFFSET :offset""";

  /** The timelines of several jobs, each oldest first. */
  static final String EVENTS_OF =
      "SELECT " + EVENT_COLUMNS
          + " FROM job_event e WHERE e.job_id = ANY(CAST(:ids AS uuid[])) ORDER BY e.job_id, e.id";

  static final String COUNT = "SELECT count(*) FROM job j %s";

  static final String STATUS_FILTER = "j.status = ANY(:statuses)";

  static final String STUDY_FILTER = "j.study_id = :study";

  private JobRows() {}

  /** The page statement with or without specs, for every job or only those {@link #where} selects. */
  static String page(boolean withSpecs, boolean byStatus, boolean byStudy) {
    return PAGE.formatted(withSpecs ? "j.spec::text" : "NULL", where(byStatus, byStudy));
  }

  /**
   * The WHERE clause: the jobs the caller sees ({@link #VISIBLE}), of the statuses bound to {@code :statuses} and the
   * study bound to {@code :study} when asked.
   */
  static String where(boolean byStatus, boolean byStudy) {
    return "WHERE " + VISIBLE + (byStatus ? " AND " + STATUS_FILTER : "") + (byStudy ? " AND " + STUDY_FILTER : "");
  }

  /** The job of the current row, with {@code timeline} and the latest claim taken from it (or given). */
  static JobView job(ResultSet rs, List<JobEventView> timeline, Instant lastClaim) throws SQLException {
    String[] names = (String[]) rs.getArray("metric_names").getArray();
    String[] values = (String[]) rs.getArray("metric_values").getArray();
    return new JobView(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        JobStatus.valueOf(rs.getString("status")),
        rs.getString("spec"),
        rs.getInt("priority"),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        rs.getString("claimed_by"),
        progress(rs),
        MetricMaps.fromText(names, values),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "heartbeat_at"),
        instant(rs, "finished_at"),
        rs.getString("failure_code"),
        rs.getString("failure_message"),
        rs.getString("stop_reason"),
        rs.getString("stop_detail"),
        lastClaim,
        timeline,
        rs.getObject("study_id", UUID.class));
  }

  /** The timeline entry of the current row; null when the row has none (a job without events). */
  static JobEventView event(ResultSet rs) throws SQLException {
    String to = rs.getString("to_status");
    if (to == null) {
      return null;
    }
    String from = rs.getString("from_status");
    return new JobEventView(instant(rs, "at"), rs.getInt("event_attempt"),
        from == null ? null : JobStatus.valueOf(from), JobStatus.valueOf(to), rs.getString("reason"),
        rs.getString("kind"), rs.getString("event_detail"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static JobProgress progress(ResultSet rs) throws SQLException {
    int epoch = rs.getInt("epoch");
    if (rs.wasNull()) {
      return null;
    }
    return new JobProgress(epoch, rs.getInt("epochs"), rs.getLong("iteration"), rs.getLong("total_iterations"),
        rs.getDouble("fraction"));
  }
}
