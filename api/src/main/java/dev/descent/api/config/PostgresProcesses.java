package dev.descent.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL processes as Linux's {@code /proc} shows them: a process is "a postgres in directory D" when its
 * executable (or, where {@code /proc/<pid>/exe} cannot be read, its {@code argv[0]}) is named {@code postgres} and
 * its working directory is D (PostgreSQL's postmaster and every backend {@code chdir} into their data directory) or
 * its command line names D after {@code -D}.
 */
final class PostgresProcesses {
  private static final Path PROC = Path.of("/proc");

  private PostgresProcesses() {}

  static boolean isPostgresIn(long pid, Path dataDir) {
    Path proc = PROC.resolve(Long.toString(pid));
    if (pid <= 0 || !Files.isDirectory(proc)) {
      return false;
    }
    List<String> argv = commandLine(proc);
    return isPostgres(proc, argv) && (worksIn(proc, dataDir) || namesDir(argv, dataDir));
  }

  /** Every postgres process whose working directory or {@code -D} is {@code dataDir}. */
  static List<Long> workingIn(Path dataDir) {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> entries = Files.list(PROC)) {
      entries.map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> pid != ProcessHandle.current().pid() && isPostgresIn(pid, dataDir))
          .forEach(pids::add);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + PROC, e);
    }
    return pids;
  }

  private static boolean isPostgres(Path proc, List<String> argv) {
    try {
      String exe = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
      return exe.equals("postgres") || exe.startsWith("postgres ");
    } catch (IOException | UnsupportedOperationException e) {
      return !argv.isEmpty() && Path.of(argv.get(0)).getFileName().toString().equals("postgres");
    }
  }

  private static boolean worksIn(Path proc, Path dataDir) {
    try {
      return Files.readSymbolicLink(proc.resolve("cwd")).equals(dataDir.toRealPath());
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean namesDir(List<String> argv, Path dataDir) {
    for (int i = 0; i + 1 < argv.size(); i++) {
      if (argv.get(i).equals("-D") && sameFile(Path.of(argv.get(i + 1)), dataDir)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> commandLine(Path proc) {
    try {
      String raw = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
      return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }
}
