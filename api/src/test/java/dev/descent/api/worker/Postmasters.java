package dev.descent.api.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/** The PostgreSQL server of a data directory, seen from outside: its pid file, whether it lives, a clean-up stop. */
final class Postmasters {
  private Postmasters() {}

  /** The pid in {@code postmaster.pid}, if the file exists. */
  static Optional<Long> pid(Path dataDir) {
    Path file = dataDir.resolve("postmaster.pid");
    try {
      return Files.exists(file) ? Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The path of a binary ({@code pg_ctl}, …) beside the running postmaster's own executable. */
  static Path binary(long pid, String name) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).resolveSibling(name);
  }

  /** A connection to the embedded server listening on {@code port}: its superuser, database {@code postgres}. */
  static Connection connect(int port) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
  }

  /**
   * Test clean-up of services over their default embedded PostgreSQL in {@code dataDir/postgres}: kills them, stops
   * the server and deletes {@code dataDir} (nothing when it is null).
   */
  static void cleanUp(List<ServiceProcess> services, Path dataDir) {
    services.forEach(ServiceProcess::kill);
    if (dataDir != null) {
      stop(dataDir.resolve("postgres"));
      FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
  }

  /** Test clean-up: a fast shutdown of whatever server still runs over {@code dataDir}. */
  static void stop(Path dataDir) {
    pid(dataDir).filter(Postmasters::isAlive).ifPresent(pid -> {
      try {
        new ProcessBuilder("kill", "-INT", pid.toString()).start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
