package dev.descent.engine.data.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one folder on the server that job specs may read user data from (IDX folders, CSV and LibSVM files): the
 * system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else {@value #DEFAULT} relative
 * to the working directory. Specs name files by paths relative to it; a path that leaves it ({@code ..}, or an
 * absolute path elsewhere) is refused, so a spec cannot read arbitrary files of the server.
 */
public final class DataFolder {
  public static final String PROPERTY = "descent.datasets.dir";
  public static final String ENV = "DESCENT_DATASETS_DIR";
  public static final String DEFAULT = "descent-data/datasets";

  private DataFolder() {}

  /** The configured folder, absolute and normalized. */
  public static Path location() {
    String configured = Optional.ofNullable(System.getProperty(PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENV)))
        .orElse(DEFAULT);
    return Path.of(configured).toAbsolutePath().normalize();
  }

  /**
   * {@code path} resolved inside the folder, or empty when it is blank, not a valid path or leads outside the
   * folder. Existence is not checked here.
   */
  public static Optional<Path> resolve(String path) {
    if (path == null || path.isBlank() || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path root = location();
    try {
      Path resolved = root.resolve(path).toAbsolutePath().normalize();
      return resolved.startsWith(root) && !resolved.equals(root) ? Optional.of(resolved) : Optional.empty();
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }
}
