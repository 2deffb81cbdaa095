package dev.descent.engine.data.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one folder on the server that job specs may read user data from (IDX folders, CSV and LibSVM files), a value
 * handed to the spec reader ({@code EngineLimits}) and the engine. The service builds it with {@link #configured}
 * from its {@code descent.datasets.dir} setting; code run outside the service (tests, benchmarks, notebooks) uses
 * {@link #fromEnvironment}. Specs name files by paths relative to it; a path that leaves it ({@code ..}, or an
 * absolute path elsewhere) is refused, so a spec cannot read arbitrary files of the server.
 *
 * @param location the folder, absolute and normalized
 */
public record DataFolder(Path location) {
  public static final String PROPERTY = "descent.datasets.dir";
  public static final String ENV = "DESCENT_DATASETS_DIR";
  public static final String DEFAULT = "descent-data/datasets";

  public DataFolder {
    location = location.toAbsolutePath().normalize();
  }

  /** The folder the system property {@value #PROPERTY} names, else variable {@value #ENV}, else {@code fallback}. */
  public static DataFolder configured(Path fallback) {
    return new DataFolder(Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENV)))
        .map(Path::of)
        .orElse(fallback));
  }

  /** {@link #configured} with {@value #DEFAULT} (relative to the working directory) as the fallback. */
  public static DataFolder fromEnvironment() {
    return configured(Path.of(DEFAULT));
  }

  /**
   * {@code path} resolved inside the folder, or empty when it is blank, not a valid path or leads outside the
   * folder. Existence is not checked here.
   */
  public Optional<Path> resolve(String path) {
    if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    try {
      Path resolved = location.resolve(path).toAbsolutePath().normalize();
      return resolved.startsWith(location) && !resolved.equals(location) ? Optional.of(resolved) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
