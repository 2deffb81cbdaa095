package dev.descent.engine.online;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A {@link WeightSnapshot} as checkpoint bytes: gzip of {@code MAGIC}, {@code VERSION}, step, progressive loss sum,
 * non-zero count, the number of state arrays, then per array its name (UTF), length and big-endian doubles. The
 * zeros of sparse weights compress away.
 */
public final class OnlineSnapshots {
  private static final int MAGIC = 0x4F4E4C4E;
  private static final int VERSION = 1;

  private OnlineSnapshots() {}

  public static byte[] encode(WeightSnapshot snapshot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeLong(snapshot.step());
      out.writeDouble(snapshot.progressiveLossSum());
      out.writeInt(snapshot.nonzeros());
      out.writeInt(snapshot.state().size());
      for (Map.Entry<String, double[]> array : snapshot.state().entrySet()) {
        out.writeUTF(array.getKey());
        out.writeInt(array.getValue().length);
        for (double value : array.getValue()) {
          out.writeDouble(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static WeightSnapshot decode(byte[] content) {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IllegalArgumentException("not an online snapshot (version " + VERSION + ")");
      }
      long step = in.readLong();
      double lossSum = in.readDouble();
      int nonzeros = in.readInt();
      int arrays = in.readInt();
      Map<String, double[]> state = new LinkedHashMap<>();
      for (int a = 0; a < arrays; a++) {
        String name = in.readUTF();
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
          values[i] = in.readDouble();
        }
        state.put(name, values);
      }
      return new WeightSnapshot(step, lossSum, nonzeros, state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
