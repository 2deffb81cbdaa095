package dev.descent.api.dataset;

import dev.descent.api.config.DescentProperties;
import dev.descent.engine.data.files.DataFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Uploads into the user data folder ({@link DataFolder}): a file at the top or in one sub-folder. The body is
 * streamed to a hidden temporary file beside the target ({@code .upload-….part}) while its size is counted and its
 * SHA-256 computed, then moved into place with an atomic rename, so a reader sees the old file or the whole new one.
 * Over {@code descent.datasets.max-upload-size} the temporary file is deleted and nothing changes. An existing file
 * with the same content is kept (not created); one with different content is replaced only with {@code overwrite}.
 * Who may write, delete and list which file, and the data-folder quota, is {@link DataFileAccess}'s: over the quota
 * the temporary file is deleted too; the last check, the move and the owner's row are one step per tenant.
 */
@Service
public class DatasetFileStore {
  private final long maxBytes;
  private final DataFolder data;
  private final FileDigests digests = new FileDigests();
  private final DataFileAccess access;

  DatasetFileStore(DescentProperties properties, DataFolder data, DataFileAccess access) {
    this.maxBytes = properties.datasets().maxUploadSize().toBytes();
    this.data = data;
    this.access = access;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Stores {@code body} as {@code name} in {@code folder} (null: the data folder itself). Both are safe names (the
   * pattern and length of openapi.yaml, checked by Bean Validation at the web edge).
   */
  public StoredFile store(String folder, String name, InputStream body, boolean overwrite) {
    String relative = folder == null ? name : folder + "/" + name;
    try {
      Path directory = folder == null ? data.location() : data.location().resolve(folder);
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new FileConflictException(folder + " is a file, not a folder");
      }
      long left = access.beforeWrite(relative, Files.isRegularFile(directory.resolve(name)));
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".upload-", ".part");
      try {
        String sha256 = copy(body, temporary, left);
        return access.admit(relative, Files.size(temporary),
            () -> placeUnchecked(temporary, directory.resolve(name), relative, sha256, overwrite));
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + relative + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes {@code name} in {@code folder} (null: the data folder itself), and the folder when it is left empty. A
   * job that reads the file and has not finished fails when it next opens it.
   */
  public void delete(String folder, String name) {
    String relative = folder == null ? name : folder + "/" + name;
    Path directory = folder == null ? data.location() : data.location().resolve(folder);
    try {
      access.beforeDelete(relative, Files.isRegularFile(directory.resolve(name)));
      if (!Files.isRegularFile(directory.resolve(name)) || !remove(directory.resolve(name))) {
        throw new DatasetFileNotFoundException(relative);
      }
      access.deleted(relative);
      if (folder != null) {
        try (var left = Files.list(directory)) {
          if (left.findAny().isEmpty()) {
            Files.deleteIfExists(directory);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + relative + ": " + e.getMessage(), e);
    }
  }

  /** Deletes under the same lock as {@link #place}, so a delete never races an upload's check-and-move. */
  private synchronized boolean remove(Path file) throws IOException {
    return Files.deleteIfExists(file);
  }

  /**
   * Every file of the data folder and of its sub-folders that the caller sees ({@link DataFileAccess}), sorted by
   * name; hidden ones left out.
   */
  public List<StoredFile> list() {
    return access.visible(new FolderListing(digests).list(data.location()));
  }

  private String copy(InputStream body, Path temporary, long quotaLeft) throws IOException {
    MessageDigest digest = FileDigests.newDigest();
    long size = 0;
    try (OutputStream out = Files.newOutputStream(temporary)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        size += n;
        if (size > maxBytes) {
          throw new UploadTooLargeException(maxBytes);
        }
        if (size > quotaLeft) {
          throw access.overQuota(quotaLeft);
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private StoredFile placeUnchecked(Path temporary, Path target, String relative, String sha256, boolean overwrite) {
    try {
      return place(temporary, target, relative, sha256, overwrite);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + relative + ": " + e.getMessage(), e);
    }
  }

  /** Moves the complete upload into place, one upload at a time so that the content check and the move agree. */
  private synchronized StoredFile place(Path temporary, Path target, String relative, String sha256,
      boolean overwrite) throws IOException {
    long size = Files.size(temporary);
    if (Files.isDirectory(target)) {
      throw new FileConflictException(relative + " is a folder");
    }
    boolean exists = Files.exists(target);
    if (exists && digests.sha256(target).equals(sha256)) {
      return new StoredFile(relative, size, sha256, false);
    }
    if (exists && !overwrite) {
      throw new FileConflictException(relative + " exists with different content; send overwrite=true to replace it");
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    digests.remember(target, sha256);
    return new StoredFile(relative, size, sha256, !exists);
  }
}
