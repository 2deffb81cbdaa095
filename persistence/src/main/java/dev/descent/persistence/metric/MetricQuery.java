package dev.descent.persistence.metric;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads metric history, downsampled in PostgreSQL so that a series of any length costs at most {@code maxPoints}
 * rows on the wire.
 *
 * <p>Per metric, let {@code lo}..{@code hi} be the first and last step stored in the requested range and {@code n}
 * the number of samples there. If {@code n ≤ maxPoints} the samples come back as they are ({@code min = max =
 * value}). Otherwise the steps are split into at most {@code B = maxPoints / 2} buckets and each non-empty bucket
 * returns its first and last sample by step, both carrying the bucket's min and max value (M4). So there are at
 * most {@code maxPoints} points, the range's first and last samples are always among them, every spike survives in
 * some bucket's min/max, and the same query gives the same answer. NaN orders as PostgreSQL orders {@code float8}:
 * above every number, so a bucket holding a NaN reports {@code max = NaN} (a divergence is never hidden) and {@code
 * min} is the smallest number in it ({@code −∞} included).
 *
 * <p>The buckets come from the rollups ({@code metric_rollup}, kept exact by a trigger at 64, 4,096 and 262,144
 * steps, see {@link RollupGrid}) unless the range is short: the coarsest level whose aligned buckets touching
 * {@code [lo, hi]} number at least {@code B / 2} is chosen, and the output buckets are aligned unions of its buckets,
 * {@code width} steps each (the least multiple of the level's width giving at most {@code B} buckets): bucket {@code
 * k} holds steps {@code [k·width, (k + 1)·width − 1]} clipped to {@code [lo, hi]}. There are then between about
 * {@code B / 2} and {@code B} buckets, and each one's first, last, min and max are exactly those of its raw points.
 * The read costs a few thousand rollup rows whatever the series' length. When no level has {@code B / 2} buckets in
 * the range (fewer than about {@code 32·B} steps), or {@code B = 1}, the raw points are bucketed in one
 * window-aggregate scan instead, step {@code s} falling into bucket {@code ⌊(s − lo) · B / (hi − lo + 1)⌋}.
 */
@Component
public class MetricQuery {

  /** The fewest points a downsampled read can return: the range's first and last. */
  public static final int MIN_POINTS = 2;

  private static final String RANGE = "job_id = :job AND name = :name AND step BETWEEN :from AND :to";

  private static final String SPAN =
      """
      SELECT min(step) AS lo, max(step) AS hi,
             (SELECT count(*) FROM (SELECT 1 FROM metric_point WHERE %1$s LIMIT :maxPoints + 1) AS c) AS n
        FROM metric_point WHERE %1$s
      """
          .formatted(RANGE);

  private static final String RAW =
      "SELECT step, epoch, value, value AS lo, value AS hi FROM metric_point WHERE " + RANGE + " ORDER BY step";

  private static final String NAMES =
      """
      WITH RECURSIVE names AS (
        (SELECT name FROM metric_point WHERE job_id = :job ORDER BY name LIMIT 1)
        UNION ALL
        SELECT (SELECT m.name FROM metric_point m WHERE m.job_id = :job AND m.name > names.name
                 ORDER BY m.name LIMIT 1)
          FROM names WHERE names.name IS NOT NULL)
      SELECT name FROM names WHERE name IS NOT NULL
      """;

  private static final String LAST_VALUE =
      "SELECT value FROM metric_point WHERE job_id = :job AND name = :name ORDER BY step DESC LIMIT 1";

  private final JdbcClient jdbc;
  private final RollupReader rollups;

  public MetricQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.rollups = new RollupReader(jdbc);
  }

  /**
   * The series of {@code names} (every metric of the job, by name, when empty) between {@code fromStep} and {@code
   * toStep} inclusive (null: unbounded), each at most {@code maxPoints} points. A requested name without samples
   * comes back as an empty series, in the order asked.
   */
  public List<MetricSeries> read(UUID jobId, Collection<String> names, Long fromStep, Long toStep, int maxPoints) {
    if (maxPoints < MIN_POINTS) {
      throw new IllegalArgumentException("maxPoints must be >= " + MIN_POINTS + ", was " + maxPoints);
    }
    long from = fromStep == null ? Long.MIN_VALUE : fromStep;
    long to = toStep == null ? Long.MAX_VALUE : toStep;
    Collection<String> wanted = names.isEmpty() ? names(jobId) : names;
    return wanted.stream()
        .map(name -> series(jobId, name, from, to, maxPoints, true))
        .toList();
  }

  /** One series as {@link #read} returns it but never from the rollups: the raw scan, for comparisons. */
  MetricSeries readRaw(UUID jobId, String name, long from, long to, int maxPoints) {
    return series(jobId, name, from, to, maxPoints, false);
  }

  /** The metric names the job has samples of, sorted. */
  public List<String> names(UUID jobId) {
    return jdbc.sql(NAMES).param("job", jobId).query(String.class).list();
  }

  /** Metric name → the value at its highest step, ordered by name. */
  public Map<String, Double> latest(UUID jobId) {
    Map<String, Double> latest = new TreeMap<>();
    for (String name : names(jobId)) {
      latest.put(name, jdbc.sql(LAST_VALUE).param("job", jobId).param("name", name).query(Double.class).single());
    }
    return latest;
  }

  private MetricSeries series(UUID jobId, String name, long from, long to, int maxPoints, boolean fromRollups) {
    Span span =
        jdbc.sql(SPAN)
            .param("job", jobId)
            .param("name", name)
            .param("from", from)
            .param("to", to)
            .param("maxPoints", maxPoints)
            .query((rs, row) -> new Span(rs.getLong("lo"), rs.getLong("hi"), rs.getLong("n")))
            .single();
    if (span.count() > maxPoints && fromRollups) {
      Optional<RollupGrid> grid = RollupGrid.choose(span.lo(), span.hi(), maxPoints / 2);
      if (grid.isPresent()) {
        return new MetricSeries(name, true, rollups.read(jobId, name, span.lo(), span.hi(), grid.get()));
      }
    }
    return new MetricSeries(name, span.count() > maxPoints, points(jobId, name, from, to, maxPoints, span));
  }

  private List<SeriesPoint> points(UUID jobId, String name, long from, long to, int maxPoints, Span span) {
    if (span.count() == 0) {
      return List.of();
    }
    if (span.count() <= maxPoints) {
      return jdbc.sql(RAW)
          .param("job", jobId)
          .param("name", name)
          .param("from", from)
          .param("to", to)
          .query((rs, row) -> point(rs))
          .list();
    }
    return RawBuckets.read(jdbc, jobId, name, span.lo(), span.hi(), maxPoints / 2);
  }

  static SeriesPoint point(ResultSet rs) throws SQLException {
    return new SeriesPoint(
        rs.getLong("step"), rs.getInt("epoch"), rs.getDouble("value"), rs.getDouble("lo"), rs.getDouble("hi"));
  }

  /** First and last step of a range and its sample count, counted up to {@code maxPoints + 1} only. */
  private record Span(long lo, long hi, long count) {}
}
