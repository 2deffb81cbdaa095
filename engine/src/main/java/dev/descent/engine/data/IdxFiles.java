package dev.descent.engine.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzipped IDX files, the MNIST format (LeCun et al., http://yann.lecun.com/exdb/mnist/): a big-endian magic
 * number {@code 0x0000 08 d} (unsigned bytes, d dimensions), d big-endian dimension sizes, then the bytes in row-major
 * order.
 */
final class IdxFiles {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxFiles() {}

  /** The items of an IDX file, each the bytes of one entry of the first dimension. */
  static byte[][] read(Path file, int dimensions) {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      int magic = in.readInt();
      if (magic >>> 8 != UNSIGNED_BYTE || (magic & 0xff) != dimensions) {
        throw new IllegalStateException(file + ": not an IDX file of " + dimensions + "-D unsigned bytes");
      }
      int items = in.readInt();
      int itemSize = 1;
      for (int d = 1; d < dimensions; d++) {
        itemSize *= in.readInt();
      }
      return items(in, items, itemSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static byte[][] items(InputStream in, int items, int itemSize) throws IOException {
    byte[][] out = new byte[items][itemSize];
    for (byte[] item : out) {
      new DataInputStream(in).readFully(item);
    }
    return out;
  }
}
