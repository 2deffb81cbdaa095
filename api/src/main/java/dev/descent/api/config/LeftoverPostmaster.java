package dev.descent.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a service killed with SIGKILL (or a machine crash) leaves in the embedded database's data directory
 * before the next start: the PostgreSQL it started outlives it (re-parented to PID 1, holding {@code
 * postmaster.pid}), or, after a machine crash, {@code postmaster.pid} names a PID that is dead or now belongs to
 * another process. A live postmaster is stopped with a fast shutdown (SIGINT, what {@code pg_ctl stop -m fast}
 * sends), only after {@code /proc/<pid>} shows that it is a {@code postgres} working in this very directory; a
 * stale file is removed, once no postgres process works in the directory any more.
 */
final class LeftoverPostmaster {
  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
  static final String PID_FILE = "postmaster.pid";

  private final Path dataDir;
  private final Duration stopTimeout;

  LeftoverPostmaster(Path dataDir, Duration stopTimeout) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.stopTimeout = stopTimeout;
  }

  /** Leaves the directory with no running postmaster and no {@code postmaster.pid}; what it did, for the log. */
  String clear() throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    Optional<Long> pid = pidOf(pidFile);
    if (pid.isEmpty()) {
      return "no postmaster.pid";
    }
    if (PostgresProcesses.isPostgresIn(pid.get(), dataDir)) {
      log.warn("A PostgreSQL (pid {}) left over by an earlier run still serves {}; stopping it (fast shutdown)",
          pid.get(), dataDir);
      stop(pid.get());
      Files.deleteIfExists(pidFile); // a clean shutdown removed it already
      return "stopped leftover postmaster " + pid.get();
    }
    awaitNoBackends();
    log.warn("Removing stale {} of {}: pid {} is not a PostgreSQL of this directory", PID_FILE, dataDir, pid.get());
    Files.deleteIfExists(pidFile);
    return "removed stale postmaster.pid (pid " + pid.get() + ")";
  }

  private void stop(long pid) {
    signal("INT", pid);
    if (!awaitExit(pid, stopTimeout)) {
      log.warn("PostgreSQL {} did not stop within {}; immediate shutdown (SIGQUIT)", pid, stopTimeout);
      signal("QUIT", pid);
      if (!awaitExit(pid, Duration.ofSeconds(30))) {
        throw new IllegalStateException("PostgreSQL " + pid + " over " + dataDir + " does not stop; stop it by hand");
      }
    }
  }

  /** Backends whose postmaster died exit by themselves within moments; starting beside them would be unsafe. */
  private void awaitNoBackends() {
    long deadline = System.nanoTime() + stopTimeout.toNanos();
    List<Long> left = PostgresProcesses.workingIn(dataDir);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      sleep(200);
      left = PostgresProcesses.workingIn(dataDir);
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException("PostgreSQL processes " + left + " still work in " + dataDir);
    }
  }

  private static Optional<Long> pidOf(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.ISO_8859_1);
    try {
      return Optional.of(lines.isEmpty() ? 0L : Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.of(0L); // unreadable: stale by definition (PostgreSQL writes it whole before it serves)
    }
  }

  private static boolean awaitExit(long pid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(100);
    }
    return true;
  }

  private static void signal(String name, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("could not signal PostgreSQL " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
