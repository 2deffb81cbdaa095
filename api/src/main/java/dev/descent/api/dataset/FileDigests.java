package dev.descent.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of the data folder's files, remembered per (path, size, modification time) so that listing a folder of
 * large files hashes each one once, not on every request.
 */
final class FileDigests {
  private record Key(Path path, long size, long modified) {}

  private final Map<Key, String> known = new ConcurrentHashMap<>();

  String sha256(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Key key = new Key(file, attributes.size(), attributes.lastModifiedTime().toMillis());
    String cached = known.get(key);
    if (cached != null) {
      return cached;
    }
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    String hex = HexFormat.of().formatHex(digest.digest());
    known.put(key, hex);
    return hex;
  }

  /** Remembers the digest an upload computed while writing {@code file}. */
  void remember(Path file, String sha256) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    known.put(new Key(file, attributes.size(), attributes.lastModifiedTime().toMillis()), sha256);
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
