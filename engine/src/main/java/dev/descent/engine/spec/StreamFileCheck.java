package dev.descent.engine.spec;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.input.DataFiles;
import dev.descent.engine.online.input.FeatureHasher;
import dev.descent.engine.online.input.FeatureSpace;
import dev.descent.engine.online.input.MaxIndexSpace;
import dev.descent.engine.validation.FieldReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What can be checked of a file stream when a spec is submitted, without reading the whole file: the path stays
 * inside the {@link DataFolder}, names a readable regular file, and its first {@value #ROWS} data rows parse (with the
 * spec's format, features and hashing). Every problem is reported at {@code /stream/path}, rows with their line
 * number.
 */
final class StreamFileCheck {
  static final int ROWS = 20;
  private static final String AT = "/stream/path";

  private StreamFileCheck() {}

  static void check(FieldReader reader, DataFolder data, OnlineJobSpec.Stream stream, OnlineJobSpec.Hashing hashing,
      long seed, int maxFeatures, boolean readRows) {
    StreamFile file = stream.file();
    Optional<Path> resolved = data.resolve(file.path());
    if (resolved.isEmpty()) {
      reader.add(AT, "must be a path relative to the data folder that stays inside it (no '..', not absolute)");
      return;
    }
    Path path = resolved.get();
    if (!Files.isRegularFile(path)) {
      reader.add(AT, "no such file in the data folder: " + file.path() + " (upload it with PUT "
          + "/api/v1/datasets/files/" + file.path() + ")");
      return;
    }
    if (!Files.isReadable(path)) {
      reader.add(AT, "the file " + file.path() + " is not readable by the server");
      return;
    }
    if (!readRows) {
      return;
    }
    try {
      DataFiles.checkFirstRows(path, file.textFormat(), space(stream, hashing, seed, maxFeatures), ROWS);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      reader.add(AT, e.getMessage());
    }
  }

  private static FeatureSpace space(OnlineJobSpec.Stream stream, OnlineJobSpec.Hashing hashing, long seed,
      int maxFeatures) {
    if (hashing != null) {
      return new FeatureHasher(hashing.dimension(), seed);
    }
    return stream.features() != null ? FeatureSpace.identity(stream.features()) : new MaxIndexSpace(maxFeatures);
  }
}
