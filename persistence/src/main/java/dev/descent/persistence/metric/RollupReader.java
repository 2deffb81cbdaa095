package dev.descent.persistence.metric;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A downsampled read answered from {@code metric_rollup} on a {@link RollupGrid}: the grid's pieces are read in step
 * order (index range scans of the rollup and point primary keys), their cells merged per output bucket, and each
 * non-empty bucket returns its first and last point carrying the bucket's min and max.
 */
final class RollupReader {

  private static final String CELLS =
      """
      SELECT first_step, first_epoch, first_value, last_step, last_epoch, last_value,
             coalesce(min_value, 'Infinity') AS min_value, coalesce(max_value, '-Infinity') AS max_value,
             nans, pos_infs, neg_infs
        FROM metric_rollup
       WHERE job_id = :job AND name = :name AND width = :width AND bucket BETWEEN :from AND :to
       ORDER BY bucket
      """;

  private static final String POINTS =
      "SELECT step, epoch, value FROM metric_point WHERE job_id = :job AND name = :name AND step BETWEEN :from AND :to"
          + " ORDER BY step";

  private final JdbcClient jdbc;

  RollupReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The points of {@code name} in {@code [lo, hi]}, bucketed by {@code grid}. */
  List<SeriesPoint> read(UUID jobId, String name, long lo, long hi, RollupGrid grid) {
    List<SeriesPoint> points = new ArrayList<>();
    RollupCell bucket = null;
    for (RollupCell cell : cells(jobId, name, grid.pieces(lo, hi))) {
      if (bucket != null && grid.bucketOf(bucket.firstStep()) == grid.bucketOf(cell.firstStep())) {
        bucket = bucket.then(cell);
      } else {
        emit(bucket, points);
        bucket = cell;
      }
    }
    emit(bucket, points);
    return points;
  }

  private List<RollupCell> cells(UUID jobId, String name, List<RollupGrid.Piece> pieces) {
    List<RollupCell> cells = new ArrayList<>();
    for (RollupGrid.Piece piece : pieces) {
      JdbcClient.StatementSpec statement =
          jdbc.sql(piece.width() == 0 ? POINTS : CELLS)
              .param("job", jobId)
              .param("name", name)
              .param("from", piece.from())
              .param("to", piece.to());
      if (piece.width() == 0) {
        cells.addAll(statement.query((rs, row) -> RollupCell.of(rs.getLong(1), rs.getInt(2), rs.getDouble(3))).list());
      } else {
        cells.addAll(statement.param("width", (int) piece.width()).query((rs, row) -> cell(rs)).list());
      }
    }
    return cells;
  }

  private static RollupCell cell(ResultSet rs) throws SQLException {
    return new RollupCell(rs.getLong("first_step"), rs.getInt("first_epoch"), rs.getDouble("first_value"),
        rs.getLong("last_step"), rs.getInt("last_epoch"), rs.getDouble("last_value"), rs.getDouble("min_value"),
        rs.getDouble("max_value"), rs.getLong("nans"), rs.getLong("pos_infs"), rs.getLong("neg_infs"));
  }

  private static void emit(RollupCell bucket, List<SeriesPoint> points) {
    if (bucket == null) {
      return;
    }
    double min = bucket.min();
    double max = bucket.max();
    points.add(new SeriesPoint(bucket.firstStep(), bucket.firstEpoch(), bucket.firstValue(), min, max));
    if (bucket.lastStep() != bucket.firstStep()) {
      points.add(new SeriesPoint(bucket.lastStep(), bucket.lastEpoch(), bucket.lastValue(), min, max));
    }
  }
}
