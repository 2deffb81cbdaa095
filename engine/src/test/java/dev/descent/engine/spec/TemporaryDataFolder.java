package dev.descent.engine.spec;

import dev.descent.engine.data.files.DataFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Points {@link DataFolder} at a test's own folder (the system property {@value DataFolder#PROPERTY}) until
 * closed, then restores what was configured before. Tests in this module run one at a time.
 */
public final class TemporaryDataFolder implements AutoCloseable {
  private final Path folder;
  private final String previous;

  public TemporaryDataFolder(Path folder) {
    this.folder = folder;
    this.previous = System.getProperty(DataFolder.PROPERTY);
    System.setProperty(DataFolder.PROPERTY, folder.toString());
  }

  public Path folder() {
    return folder;
  }

  /** Writes {@code text} to {@code name} in the folder (through gzip when the name ends in {@code .gz}). */
  public Path write(String name, String text) {
    Path file = folder.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = name.endsWith(".gz")
          ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    if (previous == null) {
      System.clearProperty(DataFolder.PROPERTY);
    } else {
      System.setProperty(DataFolder.PROPERTY, previous);
    }
  }
}
