package dev.descent.persistence.checkpoint;

import dev.descent.persistence.support.MetricMaps;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores checkpoints as {@code bytea}. Listing never reads the content column (PostgreSQL keeps large values out of
 * line, so it is not even fetched from disk); {@link #content} returns the bytes whole, as the PostgreSQL driver
 * materializes a {@code bytea} anyway.
 */
@Component
public class CheckpointStore {

  private static final String COLUMNS =
      "id, job_id, attempt, kind, step, epoch, size_bytes, sha256, created_at,"
          + " ARRAY(SELECT key FROM jsonb_each_text(metrics) ORDER BY key) AS metric_names,"
          + " ARRAY(SELECT value FROM jsonb_each_text(metrics) ORDER BY key) AS metric_values";

  private static final String INSERT =
      "INSERT INTO checkpoint (id, job_id, attempt, kind, step, epoch, size_bytes, sha256, metrics, content,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + MetricMaps.JSONB_FROM_ARRAYS + ", ?, ?)";

  private static final String PRUNE =
      """
      DELETE FROM checkpoint WHERE job_id = ? AND kind = ? AND id NOT IN (
        SELECT id FROM checkpoint WHERE job_id = ? AND kind = ? ORDER BY step DESC, created_at DESC LIMIT ?)
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  public CheckpointStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores {@code content} as a new checkpoint of {@code jobId} and returns its metadata. */
  public CheckpointInfo save(
      UUID jobId, int attempt, String kind, long step, int epoch, byte[] content, Map<String, Double> metrics) {
    UUID id = UUID.randomUUID();
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String sha256 = sha256(content);
    jdbc.sql(INSERT)
        .params(id, jobId, attempt, kind, step, epoch, (long) content.length, sha256)
        .params(MetricMaps.names(metrics), MetricMaps.values(metrics), content, Timestamp.from(createdAt))
        .update();
    Map<String, Double> sorted = Collections.unmodifiableMap(new TreeMap<>(metrics));
    return new CheckpointInfo(id, jobId, attempt, kind, step, epoch, content.length, sha256, sorted, createdAt);
  }

  /** The checkpoints of {@code jobId}, newest step first, without their content. */
  public List<CheckpointInfo> list(UUID jobId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM checkpoint WHERE job_id = ? ORDER BY step DESC, created_at DESC")
        .param(jobId)
        .query((rs, row) -> info(rs))
        .list();
  }

  /** The metadata of one checkpoint of {@code jobId}. */
  public Optional<CheckpointInfo> find(UUID jobId, UUID checkpointId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM checkpoint WHERE job_id = ? AND id = ?")
        .params(jobId, checkpointId)
        .query((rs, row) -> info(rs))
        .optional();
  }

  /** The bytes of one checkpoint of {@code jobId}; empty when there is no such checkpoint. */
  public Optional<byte[]> content(UUID jobId, UUID checkpointId) {
    return jdbc.sql("SELECT content FROM checkpoint WHERE job_id = ? AND id = ?")
        .params(jobId, checkpointId)
        .query(byte[].class)
        .optional();
  }

  /** Deletes one checkpoint; false when there was none. */
  public boolean delete(UUID jobId, UUID checkpointId) {
    return jdbc.sql("DELETE FROM checkpoint WHERE job_id = ? AND id = ?").params(jobId, checkpointId).update() > 0;
  }

  /** Keeps the {@code keep} checkpoints of {@code kind} with the highest steps, deletes the rest; returns how many. */
  public int keepLast(UUID jobId, String kind, int keep) {
    return jdbc.sql(PRUNE).params(jobId, kind, jobId, kind, Math.max(keep, 0)).update();
  }

  private static CheckpointInfo info(ResultSet rs) throws SQLException {
    String[] names = (String[]) rs.getArray("metric_names").getArray();
    String[] values = (String[]) rs.getArray("metric_values").getArray();
    return new CheckpointInfo(
        rs.getObject("id", UUID.class),
        rs.getObject("job_id", UUID.class),
        rs.getInt("attempt"),
        rs.getString("kind"),
        rs.getLong("step"),
        rs.getInt("epoch"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        MetricMaps.fromText(names, values),
        rs.getTimestamp("created_at").toInstant());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }
}
