package dev.descent.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * What a machine crash leaves: the embedded PostgreSQL is killed outright (SIGKILL, no shutdown checkpoint) and its
 * {@code postmaster.pid} then names a PID that another, live process has (as after a reboot). PostgreSQL alone refuses
 * to start over such a file; the next start removes it, runs crash recovery and has every committed row, without
 * signalling the innocent process. A pid file naming a PostgreSQL of another directory is stale too.
 */
class LeftoverPostmasterTests {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<Process> bystanders = new ArrayList<>();
  private Path dir;

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    bystanders.forEach(Process::destroyForcibly);
    if (dir != null) {
      FileSystemUtils.deleteRecursively(dir.toFile());
    }
  }

  @Test
  void aStalePidFileAfterACrashIsRemovedAndRecoveryKeepsCommittedRows() throws Exception {
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "leftover-");
    Path data = dir.resolve("postgres");
    EmbeddedDatabase crashed = start(data);
    try (Connection c = connect(crashed); var s = c.createStatement()) {
      s.execute("CREATE TABLE survivor (id int PRIMARY KEY)");
      s.execute("INSERT INTO survivor VALUES (42)");
    }
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
    ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    crashed.close(); // its pg_ctl stop finds nobody to stop

    Process bystander = new ProcessBuilder("sleep", "300").start();
    bystanders.add(bystander);
    List<String> pidFile = new ArrayList<>(Files.readAllLines(data.resolve("postmaster.pid")));
    pidFile.set(0, Long.toString(bystander.pid()));
    Files.write(data.resolve("postmaster.pid"), pidFile);

    assertThat(new LeftoverPostmaster(data, Duration.ofMinutes(1)).clear()).startsWith("removed stale");
    EmbeddedDatabase recovered = start(data);
    try (Connection c = connect(recovered); var s = c.createStatement();
        var rs = s.executeQuery("SELECT id FROM survivor")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    assertThat(bystander.isAlive()).as("the process that now has the old pid is left alone").isTrue();

    Path other = Files.createDirectories(dir.resolve("other"));
    Files.copy(data.resolve("postmaster.pid"), other.resolve("postmaster.pid"));
    assertThat(new LeftoverPostmaster(other, Duration.ofMinutes(1)).clear()).startsWith("removed stale");
    try (Connection c = connect(recovered); var s = c.createStatement()) {
      assertThat(s.execute("SELECT 1")).as("a PostgreSQL of another directory keeps running").isTrue();
    }
  }

  @Test
  void aStartInterruptedWhileCreatingTheDatabaseLeavesNothingTheNextStartTrusts() throws Exception {
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "half-made-");
    Path staging = Files.createDirectories(dir.resolve("postgres.initializing"));
    Files.writeString(staging.resolve("postgresql.conf"), "# initdb was killed here\n");
    Files.writeString(staging.resolve("PG_VERSION"), "17\n");
    EmbeddedDatabase db = start(dir.resolve("postgres"));
    try (Connection c = connect(db); var s = c.createStatement(); var rs = s.executeQuery("SHOW fsync")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("on");
    }
    assertThat(staging).doesNotExist();
  }

  private EmbeddedDatabase start(Path data) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(new DescentProperties.Db(true, data, 0, Duration.ofMinutes(2)));
    open.add(db);
    return db;
  }

  private static Connection connect(EmbeddedDatabase db) throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
  }
}
