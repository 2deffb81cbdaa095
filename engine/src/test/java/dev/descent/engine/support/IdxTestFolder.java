package dev.descent.engine.support;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.spec.TemporaryDataFolder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A temporary data folder ({@link DataFolder}) for the length of a test: {@link #close()} restores the system
 * property. Writes small IDX files into sub-folders of it.
 */
public final class IdxTestFolder implements AutoCloseable {
  private final TemporaryDataFolder data;

  /** Points {@value DataFolder#PROPERTY} at {@code root} until closed. */
  public IdxTestFolder(Path root) {
    this.data = new TemporaryDataFolder(root);
  }

  public Path root() {
    return data.folder();
  }

  /**
   * Writes a complete MNIST-layout folder: {@code n} train and {@code n} test images of {@code dims}, labels i mod k.
   */
  public Path mnistLike(String folder, int n, int[] imageDims, int classes, boolean gzip) throws IOException {
    Path dir = Files.createDirectories(root().resolve(folder));
    String gz = gzip ? ".gz" : "";
    String idx = "idx" + (imageDims.length + 1) + "-ubyte";
    for (String part : new String[] {"train", "t10k"}) {
      write(dir.resolve(part + "-images-" + idx + gz), images(n, imageDims), gzip);
      write(dir.resolve(part + "-labels-idx1-ubyte" + gz), labels(n, classes), gzip);
    }
    return dir;
  }

  /** IDX bytes: magic 0x000008d, sizes {@code n, dims…}, then pixel (i, j) = (7·i + j) mod 256. */
  public static byte[] images(int n, int[] dims) throws IOException {
    int[] all = new int[dims.length + 1];
    all[0] = n;
    System.arraycopy(dims, 0, all, 1, dims.length);
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    byte[] data = new byte[n * size];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) {
        data[i * size + j] = (byte) ((7 * i + j) % 256);
      }
    }
    return idx(all, data);
  }

  /** A label file of {@code n} labels i mod {@code classes}. */
  public static byte[] labels(int n, int classes) throws IOException {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i % classes);
    }
    return idx(new int[] {n}, data);
  }

  /** An IDX file of unsigned bytes with the given sizes and data. */
  public static byte[] idx(int[] sizes, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0800 | sizes.length);
    for (int s : sizes) {
      out.writeInt(s);
    }
    out.write(data);
    return bytes.toByteArray();
  }

  /** Writes {@code content} to {@code file}, gzipped when asked. */
  public static void write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
  }

  @Override
  public void close() {
    data.close();
  }
}
