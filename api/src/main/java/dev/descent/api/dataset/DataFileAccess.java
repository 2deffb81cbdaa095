package dev.descent.api.dataset;

import dev.descent.api.quota.Quotas;
import dev.descent.api.security.Ownership;
import dev.descent.engine.validation.SpecException;
import dev.descent.persistence.datafile.DatasetFileOwners;
import dev.descent.persistence.support.Visibility;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant isolation of the data folder ({@link DatasetFileOwners}): a tenant lists, replaces, deletes and trains on
 * its own uploads and the shared files (bundled, placed on the server, or uploaded with an admin key); another
 * tenant's file is "not found" to it. A tenant may not replace or delete a shared file (409).
 */
@Component
public record DataFileAccess(DatasetFileOwners owners, Quotas quotas, JsonMapper json) {
  /**
   * Where job specs name data-folder paths (a study's under {@code /base}), each with the engine's words for a path
   * that is not there ({@code IdxFolder}, {@code StreamFileCheck}), so that a hidden file reads as a missing one.
   */
  private static final Map<String, String> READS = Map.of(
      "/dataset/folder", "no folder '%s' in the data folder",
      "/stream/path", "no such file in the data folder: %1$s (upload it with PUT /api/v1/datasets/files/%1$s)");

  /**
   * Refuses, before the spec is read (which opens the files), a spec at {@code prefix} of {@code body} that names a
   * data-folder path the caller does not see, exactly as a missing file is refused.
   */
  public void checkReads(String body, String prefix) {
    Visibility visibility = Ownership.visibility();
    if (visibility.all()) {
      return;
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      return; // the spec reader answers malformed JSON
    }
    for (Map.Entry<String, String> read : READS.entrySet()) {
      JsonNode path = root.at(prefix + read.getKey());
      if (path.isString() && !owners.sees(normalize(path.asString()), visibility)) {
        throw new SpecException(prefix + read.getKey(), read.getValue().formatted(path.asString()));
      }
    }
  }

  /** {@code files} without those the caller does not see. */
  List<StoredFile> visible(List<StoredFile> files) {
    Visibility visibility = Ownership.visibility();
    Set<String> hidden = visibility.all() ? Set.of() : owners.hidden(visibility);
    return files.stream().filter(f -> !hidden.contains(f.name())).toList();
  }

  /**
   * Checks that the caller may write {@code relative} ({@code exists}: a file is there): 404 for another tenant's
   * file, 409 for a shared one unless the caller is an admin. The bytes the caller may still upload (checked again,
   * under the caller's quota lock, by {@link #admit}).
   */
  long beforeWrite(String relative, boolean exists) {
    checkOwn(relative, exists);
    UUID owner = Ownership.owner();
    return quotas.dataBytesLeft(owner, owner == null ? 0 : owners.size(relative));
  }

  /** The 413 of an upload over the {@code left} bytes of the caller's data-folder quota. */
  RuntimeException overQuota(long left) {
    return quotas.dataQuotaExceeded(Ownership.owner(), left);
  }

  /**
   * Checks the caller's data-folder quota again for an upload of {@code size} bytes to {@code relative}, places it
   * with {@code place} and records the caller as its owner, in one transaction holding the caller's quota lock: two
   * uploads racing at the limit never take a tenant past it (the second is a 413 and nothing of it is placed).
   */
  StoredFile admit(String relative, long size, Supplier<StoredFile> place) {
    UUID owner = Ownership.owner();
    return quotas.locked(owner, () -> {
      long left = quotas.dataBytesLeft(owner, owner == null ? 0 : owners.size(relative));
      if (size > left) {
        throw overQuota(left);
      }
      StoredFile stored = place.get();
      owners.record(relative, owner, stored.size());
      return stored;
    });
  }

  /** Checks that the caller may delete {@code relative}, as {@link #beforeWrite} does. */
  void beforeDelete(String relative, boolean exists) {
    checkOwn(relative, exists);
  }

  void deleted(String relative) {
    owners.forget(relative);
  }

  private void checkOwn(String relative, boolean exists) {
    Visibility visibility = Ownership.visibility();
    if (visibility.all() || !exists) {
      return;
    }
    UUID tenant = owners.tenant(relative).orElse(null);
    if (tenant == null) {
      throw new FileConflictException(relative + " is a shared file; only an admin key may replace or delete it");
    }
    if (!visibility.sees(tenant)) {
      throw new DatasetFileNotFoundException(relative);
    }
  }

  private static String normalize(String path) {
    try {
      return Path.of(path).normalize().toString().replace('\\', '/');
    } catch (InvalidPathException e) {
      return path;
    }
  }
}
