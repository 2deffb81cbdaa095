package dev.descent.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky's binaries) over {@code descent.db.data-dir}, configured as a database rather than
 * as zonky's test default: fsync, synchronous commit and full page writes on ({@code -c fsync=on} follows and
 * overrides the {@code -F} zonky always passes), no fixed start-up limit (crash recovery takes what it takes, up to
 * {@code descent.db.startup-wait}), and whatever an earlier run left behind cleared first ({@link
 * LeftoverPostmaster}); a new cluster is made aside and moved into place whole ({@link ClusterInit}). {@link #close}
 * stops it with a fast shutdown and waits until it is gone.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  /** The settings that make a committed transaction survive a crash of the machine; a test asserts them. */
  static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
      "full_page_writes", "on");

  private final EmbeddedPostgres postgres;
  private final Path dataDir;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  static EmbeddedDatabase start(DescentProperties.Db db) throws IOException {
    Path dataDir = db.dataDir().toAbsolutePath().normalize();
    if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
      ClusterInit.create(dataDir, db.startupWait());
    }
    String cleared = new LeftoverPostmaster(dataDir, db.startupWait()).clear();
    EmbeddedPostgres.Builder builder = builder(dataDir, db.startupWait());
    if (db.port() > 0) {
      builder.setPort(db.port());
    }
    long started = System.nanoTime();
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {} (durable; {}; up in {} ms)", postgres.getPort(), dataDir,
        cleared, (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedDatabase(postgres, dataDir);
  }

  /** zonky over an existing cluster in {@code dataDir}, with the durable settings. */
  static EmbeddedPostgres.Builder builder(Path dataDir, Duration startupWait) {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPGStartupWait(startupWait);
    DURABLE.forEach(builder::setServerConfig);
    return builder;
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    if (closed.getAndSet(true)) {
      return;
    }
    postgres.close(); // pg_ctl stop -m fast, waiting at most 5 s; a longer shutdown checkpoint goes on without it
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    boolean running = true;
    while (running && System.nanoTime() < deadline) {
      running = !PostgresProcesses.workingIn(dataDir).isEmpty();
      if (running) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    log.info("Embedded PostgreSQL {}", running ? "still shutting down" : "stopped");
  }

  Path dataDir() {
    return dataDir;
  }
}
