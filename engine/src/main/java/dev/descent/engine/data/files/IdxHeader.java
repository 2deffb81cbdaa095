package dev.descent.engine.data.files;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The header of an IDX file, the MNIST format (LeCun et al., http://yann.lecun.com/exdb/mnist/): a big-endian magic
 * number {@code 0x0000 08 d} (0x08: unsigned bytes, d dimensions), then d big-endian 32-bit dimension sizes, then the
 * bytes in row-major order. Files may be plain or gzipped (told apart by the gzip magic bytes, not the name).
 *
 * @param dimensions the sizes; {@code dimensions[0]} is the item count
 */
public record IdxHeader(int[] dimensions) {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int GZIP_MAGIC = 0x1f8b;
  private static final int MAX_DIMENSIONS = 4;

  /** Items in the file (the first dimension). */
  public int items() {
    return dimensions[0];
  }

  /** Bytes per item: the product of the other dimensions, or −1 when it does not fit an int. */
  public int itemSize() {
    long size = 1;
    for (int d = 1; d < dimensions.length; d++) {
      size *= dimensions[d];
      if (size > Integer.MAX_VALUE) {
        return -1;
      }
    }
    return (int) size;
  }

  /** The file's header; an {@link IOException} says what is wrong with it (its message is shown to users). */
  public static IdxHeader read(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      return read(in, file);
    }
  }

  /** The stream of a plain or gzipped file, at its first byte (decompressed). */
  public static DataInputStream open(Path file) throws IOException {
    BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file));
    raw.mark(2);
    int magic = (raw.read() << 8) | raw.read();
    raw.reset();
    return new DataInputStream(magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(raw)) : raw);
  }

  /** Whether the file starts with the gzip magic bytes. */
  public static boolean isGzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ((in.read() << 8) | in.read()) == GZIP_MAGIC;
    }
  }

  /** Reads the header from {@code in}, leaving it at the first data byte. */
  public static IdxHeader read(DataInputStream in, Path file) throws IOException {
    String name = file.getFileName().toString();
    try {
      int magic = in.readInt();
      int count = magic & 0xff;
      if (magic >>> 8 != UNSIGNED_BYTE || count < 1 || count > MAX_DIMENSIONS) {
        throw new IOException(name + ": bad magic number 0x" + String.format("%08x", magic)
            + " (an IDX file of unsigned bytes starts with 0x000008 and its dimension count, 1 to 4)");
      }
      int[] dims = new int[count];
      for (int d = 0; d < count; d++) {
        dims[d] = in.readInt();
        if (dims[d] < 0 || d > 0 && dims[d] == 0) {
          throw new IOException(name + ": dimension " + d + " has size " + dims[d]);
        }
      }
      return new IdxHeader(dims);
    } catch (EOFException e) {
      throw new IOException(name + ": ends inside its IDX header", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdxHeader h && Arrays.equals(dimensions, h.dimensions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dimensions);
  }

  @Override
  public String toString() {
    return "IdxHeader" + Arrays.toString(dimensions);
  }
}
