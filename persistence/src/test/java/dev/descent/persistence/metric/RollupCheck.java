package dev.descent.persistence.metric;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** References for the rollup tests, computed from the raw points without the rollups. */
final class RollupCheck {

  private static final String EXACT_M4 =
      """
      SELECT step, epoch, value, lo, hi FROM (
        SELECT step, epoch, value, min(value) OVER b AS lo, max(value) OVER b AS hi,
               row_number() OVER (b ORDER BY step) AS s, row_number() OVER (b ORDER BY step DESC) AS e
          FROM metric_point WHERE job_id = :job AND name = 'loss' AND step BETWEEN :from AND :to
        WINDOW b AS (PARTITION BY floor(step::numeric / :width))) AS t
       WHERE s = 1 OR e = 1
       ORDER BY step
      """;

  private RollupCheck() {}

  /** One rollup row; {@code sum} compared apart, within rounding. */
  record Row(String name, long width, long bucket, RollupCell cell, long points, double sum) {
    Row withSum(double other) {
      return new Row(name, width, bucket, cell, points, other);
    }
  }

  /** The rows of {@code metric_rollup} of the job, by name, width and bucket. */
  static List<Row> stored(JdbcClient jdbc, UUID jobId) {
    return jdbc.sql("SELECT * FROM metric_rollup WHERE job_id = ? ORDER BY name, width, bucket").param(jobId)
        .query((rs, row) -> new Row(rs.getString("name"), rs.getLong("width"), rs.getLong("bucket"),
            new RollupCell(rs.getLong("first_step"), rs.getInt("first_epoch"), rs.getDouble("first_value"),
                rs.getLong("last_step"), rs.getInt("last_epoch"), rs.getDouble("last_value"),
                orElse(rs, "min_value", Double.POSITIVE_INFINITY), orElse(rs, "max_value", Double.NEGATIVE_INFINITY),
                rs.getLong("nans"), rs.getLong("pos_infs"), rs.getLong("neg_infs")),
            rs.getLong("points"), rs.getDouble("sum")))
        .list();
  }

  /** The rows the rollups should have, recomputed here from the raw points. */
  static List<Row> recomputed(JdbcClient jdbc, UUID jobId) {
    List<String> names = jdbc.sql("SELECT DISTINCT name FROM metric_point WHERE job_id = ? ORDER BY name")
        .param(jobId).query(String.class).list();
    List<Row> rows = new ArrayList<>();
    for (String name : names) {
      List<RollupCell> points = jdbc.sql("SELECT step, epoch, value FROM metric_point WHERE job_id = ? AND name = ?"
              + " ORDER BY step").params(jobId, name)
          .query((rs, row) -> RollupCell.of(rs.getLong(1), rs.getInt(2), rs.getDouble(3))).list();
      for (long width : RollupGrid.WIDTHS) {
        Row current = null;
        for (RollupCell point : points) {
          long bucket = Math.floorDiv(point.firstStep(), width);
          double finite = Double.isFinite(point.firstValue()) ? point.firstValue() : 0;
          if (current != null && current.bucket() == bucket) {
            current = new Row(name, width, bucket, current.cell().then(point), current.points() + 1,
                current.sum() + finite);
            rows.set(rows.size() - 1, current);
          } else {
            current = new Row(name, width, bucket, point, 1, finite);
            rows.add(current);
          }
        }
      }
    }
    return rows;
  }

  /** The answer a read should give: raw points, or the exact M4 from the raw points on the rollup grid. */
  static List<SeriesPoint> exact(MetricQuery query, JdbcClient jdbc, UUID jobId, long from, long to, int maxPoints) {
    List<SeriesPoint> raw = jdbc.sql("SELECT step, epoch, value FROM metric_point WHERE job_id = ? AND name = 'loss'"
            + " AND step BETWEEN ? AND ? ORDER BY step").params(jobId, from, to)
        .query((rs, row) -> new SeriesPoint(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(3),
            rs.getDouble(3))).list();
    if (raw.size() <= maxPoints) {
      return raw;
    }
    Optional<RollupGrid> grid = RollupGrid.choose(raw.get(0).step(), raw.get(raw.size() - 1).step(), maxPoints / 2);
    if (grid.isEmpty()) {
      return query.readRaw(jobId, "loss", from, to, maxPoints).points();
    }
    return jdbc.sql(EXACT_M4).param("job", jobId).param("from", from).param("to", to)
        .param("width", grid.get().width())
        .query((rs, row) -> new SeriesPoint(rs.getLong(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4),
            rs.getDouble(5))).list();
  }

  private static double orElse(ResultSet rs, String column, double none) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? none : value;
  }
}
