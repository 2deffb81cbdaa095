package dev.descent.api.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
