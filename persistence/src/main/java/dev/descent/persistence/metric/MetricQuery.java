package dev.descent.persistence.metric;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads metric history, downsampled in PostgreSQL so that a series of any length costs at most {@code maxPoints}
 * rows on the wire.
 *
 * <p>Per metric, let {@code lo}..{@code hi} be the first and last step stored in the requested range and {@code n}
 * the number of samples there. If {@code n ≤ maxPoints} the samples come back as they are. Otherwise the steps are
 * split into {@code B = maxPoints / 2} buckets, bucket {@code ⌊(step − lo) · B / (hi − lo + 1)⌋}, and each non-empty
 * bucket returns its first and last sample by step, both carrying the bucket's min and max value. So there are at
 * most {@code maxPoints} points, the range's first and last samples are always among them, every spike survives in
 * some bucket's min/max, and the same query gives the same answer. NaN orders as PostgreSQL orders {@code float8}:
 * above every number, so a bucket holding a NaN reports {@code max = NaN} (a divergence is never averaged away) and
 * {@code min} is the smallest number in it.
 */
@Component
public class MetricQuery {

  /** The fewest points a downsampled read can return: the range's first and last. */
  public static final int MIN_POINTS = 2;

  private static final String READ =
      """
      WITH pts AS (
        SELECT name, step, value FROM metric_point
         WHERE job_id = ? AND (cardinality(?::text[]) = 0 OR name = ANY(?::text[])) AND step BETWEEN ? AND ?),
      span AS (SELECT name, min(step) AS lo, max(step) AS hi, count(*) AS n FROM pts GROUP BY name),
      buckets AS (
        SELECT p.name,
               CASE WHEN s.n <= ? THEN p.step - s.lo ELSE (p.step - s.lo) * ? / (s.hi - s.lo + 1) END AS bucket,
               min(p.step) AS first_step, max(p.step) AS last_step, min(p.value) AS lo, max(p.value) AS hi
          FROM pts p JOIN span s ON s.name = p.name
         GROUP BY p.name, 2)
      SELECT m.name, m.step, m.epoch, m.value, b.lo, b.hi
        FROM buckets b
        JOIN metric_point m ON m.job_id = ? AND m.name = b.name AND m.step IN (b.first_step, b.last_step)
       ORDER BY m.name, m.step
      """;

  private static final String LATEST =
      """
      WITH RECURSIVE names AS (
        (SELECT name FROM metric_point WHERE job_id = ? ORDER BY name LIMIT 1)
        UNION ALL
        SELECT (SELECT m.name FROM metric_point m WHERE m.job_id = ? AND m.name > names.name
                 ORDER BY m.name LIMIT 1)
          FROM names WHERE names.name IS NOT NULL)
      SELECT names.name, last.value
        FROM names
        CROSS JOIN LATERAL (SELECT value FROM metric_point m WHERE m.job_id = ? AND m.name = names.name
                             ORDER BY m.step DESC LIMIT 1) last
      """;

  private final JdbcClient jdbc;

  public MetricQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The series of {@code names} (every metric of the job when empty) between {@code fromStep} and {@code toStep}
   * inclusive (null: unbounded), each at most {@code maxPoints} points. Requested names without samples come back
   * as empty series, in the order asked; otherwise series are ordered by name.
   */
  public List<MetricSeries> read(UUID jobId, Collection<String> names, Long fromStep, Long toStep, int maxPoints) {
    if (maxPoints < MIN_POINTS) {
      throw new IllegalArgumentException("maxPoints must be >= " + MIN_POINTS + ", was " + maxPoints);
    }
    String[] wanted = names.toArray(String[]::new);
    Map<String, List<SeriesPoint>> series = new LinkedHashMap<>();
    names.forEach(name -> series.put(name, new ArrayList<>()));
    long from = fromStep == null ? Long.MIN_VALUE : fromStep;
    long to = toStep == null ? Long.MAX_VALUE : toStep;
    jdbc.sql(READ)
        .params(jobId, wanted, wanted, from, to, maxPoints, maxPoints / 2, jobId)
        .query(rs -> {
          series.computeIfAbsent(rs.getString("name"), name -> new ArrayList<>()).add(point(rs));
        });
    return series.entrySet().stream().map(e -> new MetricSeries(e.getKey(), List.copyOf(e.getValue()))).toList();
  }

  private static SeriesPoint point(ResultSet rs) throws SQLException {
    return new SeriesPoint(
        rs.getLong("step"), rs.getInt("epoch"), rs.getDouble("value"), rs.getDouble("lo"), rs.getDouble("hi"));
  }

  /** Metric name → the value at its highest step, ordered by name. */
  public Map<String, Double> latest(UUID jobId) {
    Map<String, Double> latest = new TreeMap<>();
    jdbc.sql(LATEST)
        .params(jobId, jobId, jobId)
        .query(rs -> {
          latest.put(rs.getString("name"), rs.getDouble("value"));
        });
    return latest;
  }
}
