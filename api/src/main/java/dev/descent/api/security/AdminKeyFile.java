package dev.descent.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the admin key file readable by its owner only (POSIX mode 0600), atomically: a reader sees all or nothing. */
final class AdminKeyFile {
  private AdminKeyFile() {}

  static void write(Path file, String key) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = folder.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(folder, ".admin-", ".key",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(folder, ".admin-", ".key");
    try {
      Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
