package dev.descent.persistence.metric;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The downsampled read of a short range, straight from the raw points (see {@link MetricQuery}). */
final class RawBuckets {

  /**
   * One pass over the range (an index range scan on the primary key): each point's bucket is
   * floor((step − lo)·buckets / span), so bucket b holds steps [lo + ⌈b·span/buckets⌉, lo + ⌈(b+1)·span/buckets⌉);
   * per bucket the first and last point by step survive, carrying the bucket's min and max. The earlier
   * per-bucket lateral form could degrade to a sequential scan per bucket while a job's table statistics were stale.
   */
  private static final String BUCKETS =
      """
      SELECT step, epoch, value, lo, hi FROM (
        SELECT step, epoch, value,
               min(value) OVER bucket AS lo, max(value) OVER bucket AS hi,
               row_number() OVER (bucket ORDER BY step) AS from_start,
               row_number() OVER (bucket ORDER BY step DESC) AS from_end
          FROM (SELECT step, epoch, value, ((step - :lo) * :buckets) / :span AS b
                  FROM metric_point
                 WHERE job_id = :job AND name = :name AND step BETWEEN :lo AND :lo + :span - 1) AS p
        WINDOW bucket AS (PARTITION BY b)) AS t
       WHERE from_start = 1 OR from_end = 1
       ORDER BY step
      """;

  private RawBuckets() {}

  /** The first and last point of each of {@code buckets} buckets over {@code [lo, hi]}, with the bucket's min/max. */
  static List<SeriesPoint> read(JdbcClient jdbc, UUID jobId, String name, long lo, long hi, int buckets) {
    return jdbc.sql(BUCKETS)
        .param("job", jobId)
        .param("name", name)
        .param("buckets", buckets)
        .param("lo", lo)
        .param("span", hi - lo + 1)
        .query((rs, row) -> MetricQuery.point(rs))
        .list();
  }
}
