package dev.descent.persistence.datafile;

import dev.descent.persistence.support.Visibility;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who uploaded which file of the data folder ({@code dataset_file}, V23), by its path relative to the folder. A
 * tenant's file is seen only by that tenant and admins; a file with no row (bundled or placed on the server) or with
 * no tenant (an admin's upload) is shared, seen by everyone.
 */
@Service
public class DatasetFileOwners {
  /** Whether a row is seen: shared ({@code tenant_id} NULL) or seen by {@link Visibility}. */
  private static final String SEEN = "(tenant_id IS NULL OR " + Visibility.predicate("tenant_id") + ")";

  private final JdbcClient jdbc;
  private final Clock clock;

  public DatasetFileOwners(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The tenant that uploaded {@code path}; empty when the file is shared (or not recorded). */
  public Optional<UUID> tenant(String path) {
    return jdbc.sql("SELECT tenant_id FROM dataset_file WHERE path = :p AND tenant_id IS NOT NULL").param("p", path)
        .query(UUID.class).optional();
  }

  /** The size recorded for {@code path} (0 when none). */
  public long size(String path) {
    return jdbc.sql("SELECT coalesce(sum(size_bytes), 0) FROM dataset_file WHERE path = :p").param("p", path)
        .query(Long.class).single();
  }

  /** The paths of files that {@code visibility} does not see. */
  public Set<String> hidden(Visibility visibility) {
    return new HashSet<>(visibility.bind(jdbc.sql("SELECT path FROM dataset_file WHERE NOT " + SEEN))
        .query(String.class).list());
  }

  /** Whether {@code visibility} sees the file {@code path} and every owned file under it, when it is a folder. */
  public boolean sees(String path, Visibility visibility) {
    return visibility.bind(jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM dataset_file WHERE (path = :p OR "
        + "starts_with(path, :folder)) AND NOT " + SEEN + ")").param("p", path).param("folder", path + "/"))
        .query(Boolean.class).single();
  }

  /** Records that {@code tenant} (null: an admin, shared) stored {@code path} with {@code sizeBytes}. */
  public void record(String path, UUID tenant, long sizeBytes) {
    jdbc.sql("INSERT INTO dataset_file (path, tenant_id, size_bytes, uploaded_at) VALUES (:p, :t, :size, :at) "
        + "ON CONFLICT (path) DO UPDATE SET tenant_id = excluded.tenant_id, size_bytes = excluded.size_bytes, "
        + "uploaded_at = excluded.uploaded_at")
        .param("p", path).param("t", tenant).param("size", sizeBytes)
        .param("at", Timestamp.from(clock.instant())).update();
  }

  /** Forgets {@code path} (deleted). */
  public void forget(String path) {
    jdbc.sql("DELETE FROM dataset_file WHERE path = :p").param("p", path).update();
  }
}
