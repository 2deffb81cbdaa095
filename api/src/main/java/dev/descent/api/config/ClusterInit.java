package dev.descent.api.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Makes a new database cluster where none is yet, so that a kill during {@code initdb} leaves nothing half-made that
 * the next start would trust (zonky takes any folder with a {@code postgresql.conf} for a cluster): {@code initdb}
 * runs in {@code <data-dir>.initializing} (a leftover of an interrupted run, and its server, are cleared first), the
 * server is started and stopped once there, and the folder is renamed into place and the rename made durable. A
 * non-empty data folder without {@code postgresql.conf} is moved aside, never deleted.
 */
final class ClusterInit {
  private static final Logger log = LoggerFactory.getLogger(ClusterInit.class);

  private ClusterInit() {}

  static void create(Path dataDir, Duration wait) throws IOException {
    Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".initializing");
    if (Files.exists(staging)) {
      log.warn("Removing {}, left by a start that was interrupted while creating the database", staging);
      new LeftoverPostmaster(staging, wait).clear();
      FileSystemUtils.deleteRecursively(staging);
    }
    Files.createDirectories(staging);
    EmbeddedDatabase.builder(staging, wait).start().close();
    awaitStopped(staging, wait);
    if (Files.exists(dataDir) && !isEmpty(dataDir)) {
      Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".incomplete-" + System.currentTimeMillis());
      log.warn("{} holds files but no database; moving it to {}", dataDir, aside);
      Files.move(dataDir, aside);
    }
    Files.deleteIfExists(dataDir);
    Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel parent = FileChannel.open(dataDir.getParent(), StandardOpenOption.READ)) {
      parent.force(true);
    }
    log.info("Created a new database in {}", dataDir);
  }

  private static void awaitStopped(Path dir, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!PostgresProcesses.workingIn(dir).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server that created " + dir + " does not stop");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
