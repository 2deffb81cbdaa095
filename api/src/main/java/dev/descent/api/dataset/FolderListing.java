package dev.descent.api.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The regular files of a folder and of its sub-folders one level down, hidden names (leading {@code .}) left out. */
final class FolderListing {
  private final FileDigests digests;

  FolderListing(FileDigests digests) {
    this.digests = digests;
  }

  List<StoredFile> list(Path root) {
    List<StoredFile> out = new ArrayList<>();
    try {
      for (Path entry : visible(root)) {
        if (Files.isRegularFile(entry)) {
          out.add(describe(root, entry));
        } else if (Files.isDirectory(entry)) {
          for (Path inner : visible(entry)) {
            if (Files.isRegularFile(inner)) {
              out.add(describe(root, inner));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the data folder: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(StoredFile::name));
    return out;
  }

  private StoredFile describe(Path root, Path file) throws IOException {
    String name = root.relativize(file).toString().replace('\\', '/');
    return new StoredFile(name, Files.size(file), digests.sha256(file), false);
  }

  private static List<Path> visible(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
