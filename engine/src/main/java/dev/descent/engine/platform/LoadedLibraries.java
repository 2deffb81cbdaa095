package dev.descent.engine.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The shared libraries mapped into this process ({@code /proc/self/maps}): what loaded, not what was asked. */
final class LoadedLibraries {
  private LoadedLibraries() {}

  /** The path of the first mapped file whose path contains {@code fragment}. */
  static Optional<String> find(String fragment) {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(path -> path.contains(fragment))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The label of the libnd4j build in this process, from the folder JavaCPP unpacked it into
   * ({@code …/linux-x86_64-onednn-avx512/libnd4jcpu.so} → {@code onednn-avx512}), or {@code unknown}.
   */
  static String nd4jBuild(String platform) {
    try {
      return find("/libnd4jcpu.so").map(path -> {
        String folder = Path.of(path).getParent().getFileName().toString();
        return folder.equals(platform) ? "generic" : folder.substring(platform.length() + 1);
      }).orElse("not loaded");
    } catch (RuntimeException e) {
      return "unknown";
    }
  }
}
