package dev.descent.persistence.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Checkpoint content as PostgreSQL large objects, copied in {@link #CHUNK_BYTES} chunks so only one chunk is in the
 * heap at a time. Both operations must run inside a Spring transaction (the large object API needs one; the
 * connection is the transaction's).
 */
@Component
class LargeObjectContent {
  static final int CHUNK_BYTES = 1 << 20;

  private final DataSource dataSource;

  LargeObjectContent(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A written large object: its oid, its byte count and its SHA-256 (lower-case hex). */
  record Written(long oid, long size, String sha256) {}

  /** Streams exactly {@code size} bytes of {@code content} into a new large object, hashing them on the way. */
  Written write(InputStream content, long size) {
    MessageDigest digest = sha256();
    try (DigestInputStream in = new DigestInputStream(content, digest)) {
      LargeObjectManager api = api();
      long oid = api.createLO(LargeObjectManager.READWRITE);
      LargeObject target = api.open(oid, LargeObjectManager.WRITE);
      long copied = copy(in, target.getOutputStream());
      target.close();
      if (copied != size) {
        throw new IllegalArgumentException("checkpoint content has " + copied + " bytes, expected " + size);
      }
      return new Written(oid, copied, HexFormat.of().formatHex(digest.digest()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write checkpoint content", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies large object {@code oid} to {@code out}, chunk by chunk. */
  void read(long oid, OutputStream out) {
    try {
      LargeObject source = api().open(oid, LargeObjectManager.READ);
      try (InputStream in = source.getInputStream()) {
        copy(in, out);
      } finally {
        source.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read checkpoint content", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LargeObjectManager api() throws SQLException {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    return connection.unwrap(PGConnection.class).getLargeObjectAPI();
  }

  private static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] chunk = new byte[CHUNK_BYTES];
    long total = 0;
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      out.write(chunk, 0, n);
      total += n;
    }
    out.flush();
    return total;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }
}
