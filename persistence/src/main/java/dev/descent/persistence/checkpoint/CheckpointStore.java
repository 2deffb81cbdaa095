package dev.descent.persistence.checkpoint;

import dev.descent.persistence.support.MetricMaps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores checkpoints: metadata in the {@code checkpoint} table, content in a PostgreSQL large object written and read
 * in chunks ({@link LargeObjectContent}), so a 100 MB model is never held whole by the store. Rows from before
 * migration V7 keep their {@code bytea} content and are still readable. Deleting a row (directly, by retention or by
 * deleting its job) unlinks its large object in a database trigger.
 */
@Component
public class CheckpointStore {

  private static final String COLUMNS =
      "id, job_id, attempt, kind, step, epoch, size_bytes, sha256, created_at,"
          + " ARRAY(SELECT key FROM jsonb_each_text(metrics) ORDER BY key) AS metric_names,"
          + " ARRAY(SELECT value FROM jsonb_each_text(metrics) ORDER BY key) AS metric_values";

  private static final String INSERT =
      "INSERT INTO checkpoint (id, job_id, attempt, kind, step, epoch, size_bytes, sha256, metrics, content_oid,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + MetricMaps.JSONB_FROM_ARRAYS + ", ?, ?)";

  private static final String DELETE_OF_JOB =
      "DELETE FROM checkpoint WHERE job_id = ? AND id = ANY(CAST(? AS uuid[]))";

  private final JdbcClient jdbc;
  private final LargeObjectContent largeObjects;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public CheckpointStore(
      JdbcClient jdbc, LargeObjectContent largeObjects, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.largeObjects = largeObjects;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Stores {@code content} as a new checkpoint of {@code jobId} and returns its metadata; idempotent: when the same
   * content is already stored as a checkpoint of {@code kind} at {@code step} (a write retried after its commit was
   * acknowledged too late), nothing is written and that one is returned. Different content at the same step (a
   * rebased checkpoint of a resumed job) is a new checkpoint.
   */
  public CheckpointInfo save(
      UUID jobId, int attempt, String kind, long step, int epoch, byte[] content, Map<String, Double> metrics) {
    String sha256 = sha256(content);
    return transaction.execute(tx -> existing(jobId, kind, step, sha256).orElseGet(() ->
        insert(jobId, attempt, kind, step, epoch, new ByteArrayInputStream(content), content.length, metrics)));
  }

  /**
   * Stores a training run's checkpoint once: when a checkpoint of {@code kind} at {@code step} is already stored for
   * the job, whatever its bytes, nothing is written and that one is returned. Training is deterministic, so a second
   * checkpoint of one kind at one step holds the same state (serialized at another time, or by a run that resumed from
   * it); this keeps every step's checkpoint single however often a write is retried or repeated. A rebased
   * checkpoint of a resumed job, which replaces the state at a step on purpose, uses {@link #save(UUID, int, String,
   * long, int, byte[], Map)}.
   */
  public CheckpointInfo saveOncePerStep(
      UUID jobId, int attempt, String kind, long step, int epoch, byte[] content, Map<String, Double> metrics) {
    return transaction.execute(tx -> existing(jobId, kind, step, null).orElseGet(() ->
        insert(jobId, attempt, kind, step, epoch, new ByteArrayInputStream(content), content.length, metrics)));
  }

  /**
   * Gives back the space a failed content write took: the pages of large-object data it appended before the disk
   * filled up stay allocated after the rollback, and with the disk full nothing else of the job (its failure, its
   * heartbeat) could be stored. {@code VACUUM} truncates those trailing empty pages. Needs the right to vacuum the
   * catalog (the embedded database's superuser has it); returns false where it could not.
   */
  public boolean reclaimFailedWrites() {
    try {
      jdbc.sql("VACUUM pg_largeobject").update();
      return true;
    } catch (org.springframework.dao.DataAccessException e) {
      return false;
    }
  }

  /**
   * Streams exactly {@code size} bytes of {@code content} into a new checkpoint of {@code jobId} (one chunk in the
   * heap at a time, SHA-256 computed on the way) and returns its metadata; the caller closes {@code content}.
   */
  public CheckpointInfo save(
      UUID jobId, int attempt, String kind, long step, int epoch, InputStream content, long size,
      Map<String, Double> metrics) {
    return transaction.execute(tx -> insert(jobId, attempt, kind, step, epoch, content, size, metrics));
  }

  /** Writes the content and the row, in the caller's transaction. */
  private CheckpointInfo insert(
      UUID jobId, int attempt, String kind, long step, int epoch, InputStream content, long size,
      Map<String, Double> metrics) {
    UUID id = UUID.randomUUID();
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LargeObjectContent.Written lo = largeObjects.write(content, size);
    jdbc.sql(INSERT)
        .params(id, jobId, attempt, kind, step, epoch, lo.size(), lo.sha256())
        .params(MetricMaps.names(metrics), MetricMaps.values(metrics), lo.oid(), Timestamp.from(createdAt))
        .update();
    Map<String, Double> sorted = Collections.unmodifiableMap(new TreeMap<>(metrics));
    return new CheckpointInfo(id, jobId, attempt, kind, step, epoch, size, lo.sha256(), sorted, createdAt);
  }

  /**
   * The checkpoint of {@code kind} at {@code step} with this content (any content where {@code sha256} is null), if
   * stored; takes a transaction-scoped advisory lock on the job first, so that two writers of one checkpoint cannot
   * both miss each other.
   */
  private Optional<CheckpointInfo> existing(UUID jobId, String kind, long step, String sha256) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(CAST(? AS text), 0))").param(jobId.toString())
        .query((rs, row) -> 1).list();
    return jdbc.sql("SELECT " + COLUMNS + " FROM checkpoint WHERE job_id = ? AND kind = ? AND step = ?"
            + " AND (CAST(? AS text) IS NULL OR sha256 = ?) ORDER BY created_at LIMIT 1")
        .params(jobId, kind, step, sha256, sha256)
        .query((rs, row) -> info(rs))
        .optional();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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

  /** The bytes of one checkpoint of {@code jobId}, whole in the heap; empty when there is no such checkpoint. */
  public Optional<byte[]> content(UUID jobId, UUID checkpointId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    return openContent(jobId, checkpointId, bytes) ? Optional.of(bytes.toByteArray()) : Optional.empty();
  }

  /**
   * Copies the content of one checkpoint of {@code jobId} to {@code out} in chunks, inside one transaction; false
   * (and nothing written) when there is no such checkpoint. The caller closes {@code out}.
   */
  public boolean openContent(UUID jobId, UUID checkpointId, OutputStream out) {
    return Boolean.TRUE.equals(transaction.execute(tx -> {
      Optional<StoredContent> stored =
          jdbc.sql("SELECT content_oid, content FROM checkpoint WHERE job_id = ? AND id = ?")
              .params(jobId, checkpointId)
              .query((rs, row) -> new StoredContent(rs.getLong("content_oid"), rs.getBytes("content")))
              .optional();
      stored.ifPresent(content -> copy(content, out));
      return stored.isPresent();
    }));
  }

  /** Where a row keeps its content: a large object, or (rows from before V7) inline bytes. */
  private record StoredContent(long oid, byte[] inline) {}

  private void copy(StoredContent content, OutputStream out) {
    if (content.inline() == null) {
      largeObjects.read(content.oid(), out);
      return;
    }
    try {
      out.write(content.inline());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes one checkpoint; false when there was none. */
  public boolean delete(UUID jobId, UUID checkpointId) {
    return jdbc.sql("DELETE FROM checkpoint WHERE job_id = ? AND id = ?").params(jobId, checkpointId).update() > 0;
  }

  /** Keeps the {@code keep} checkpoints of {@code kind} with the highest steps, deletes the rest; returns how many. */
  public int keepLast(UUID jobId, String kind, int keep) {
    return retain(jobId, kind, Retention.lastOnly(keep));
  }

  /**
   * Keeps the checkpoints of {@code kind} that {@code retention} keeps ({@link Retention#kept}: the last {@code
   * keepLast} united with the best {@code keepBest} by its metric, finite values only); deletes the rest and returns
   * how many. A checkpoint stored meanwhile is not among those read, so it is never deleted here.
   */
  public int retain(UUID jobId, String kind, Retention retention) {
    return transaction.execute(tx -> {
      List<CheckpointInfo> ofKind =
          jdbc.sql("SELECT " + COLUMNS + " FROM checkpoint WHERE job_id = ? AND kind = ?")
              .params(jobId, kind)
              .query((rs, row) -> info(rs))
              .list();
      Set<UUID> kept = retention.kept(ofKind);
      String[] doomed = ofKind.stream().map(CheckpointInfo::id).filter(id -> !kept.contains(id))
          .map(UUID::toString).toArray(String[]::new);
      return doomed.length == 0 ? 0 : jdbc.sql(DELETE_OF_JOB).params(jobId, doomed).update();
    });
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

}
