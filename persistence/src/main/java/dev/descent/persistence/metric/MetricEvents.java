package dev.descent.persistence.metric;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a job's metric points in write order, after a given sequence number: the feed of live event streams. */
@Repository
public class MetricEvents {
  private final JdbcClient jdbc;

  public MetricEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} points of {@code jobId} written after {@code afterSeq}, oldest first. */
  public List<MetricEvent> since(UUID jobId, long afterSeq, int limit) {
    return jdbc.sql(
            "SELECT seq, name, step, epoch, value FROM metric_point WHERE job_id = ? AND seq > ? "
                + "ORDER BY seq LIMIT ?")
        .params(jobId, afterSeq, limit)
        .query((rs, i) -> new MetricEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
            rs.getDouble(5)))
        .list();
  }
}
