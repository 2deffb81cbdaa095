package dev.descent.engine.data;

import dev.descent.engine.data.files.IdxHeader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads IDX files, plain or gzipped ({@link IdxHeader}): the items of the first dimension, each as its bytes in the
 * file's row-major order.
 */
final class IdxFiles {
  private IdxFiles() {}

  /** The items of an IDX file of {@code dimensions} dimensions (3 or 4 for images, 1 for labels). */
  static byte[][] read(Path file, int dimensions) {
    return read(file, dimensions, dimensions);
  }

  /** The items of an IDX file of {@code minDimensions} to {@code maxDimensions} dimensions. */
  static byte[][] read(Path file, int minDimensions, int maxDimensions) {
    try (DataInputStream in = IdxHeader.open(file)) {
      IdxHeader header = IdxHeader.read(in, file);
      int dims = header.dimensions().length;
      if (dims < minDimensions || dims > maxDimensions || header.itemSize() < 0) {
        throw new IllegalStateException(file + ": not an IDX file of " + minDimensions + "-D unsigned bytes");
      }
      byte[][] out = new byte[header.items()][header.itemSize()];
      for (byte[] item : out) {
        in.readFully(item);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
