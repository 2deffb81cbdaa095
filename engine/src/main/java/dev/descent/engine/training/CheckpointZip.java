package dev.descent.engine.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Extra entries in a DL4J model zip: the loop's own resume state next to {@code configuration.json},
 * {@code coefficients.bin} and {@code updaterState.bin}. {@code ModelSerializer} ignores entries it does not know,
 * so the zip still restores in a user's own code.
 */
final class CheckpointZip {
  private static final int BUFFER = 1 << 16;

  private CheckpointZip() {}

  /** {@code zip} with {@code extras} appended as entries (name → content). */
  static byte[] withEntries(byte[] zip, Map<String, byte[]> extras) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + BUFFER);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      for (Map.Entry<String, byte[]> extra : extras.entrySet()) {
        out.putNextEntry(new ZipEntry(extra.getKey()));
        out.write(extra.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extend the checkpoint zip", e);
    }
    return bytes.toByteArray();
  }

  /** The content of entry {@code name} in {@code zip}, or null when it has none. */
  static byte[] entry(byte[] zip, String name) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint zip", e);
    }
  }
}
