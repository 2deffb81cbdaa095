package dev.descent.engine.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One fitted step of a {@link Preprocessing}: an affine map {@code x ↦ A (x − μ)} of one row of features, computed in
 * double precision and rounded to float once per step. Each step writes itself with a tag byte for {@link #read}.
 */
sealed interface FeatureStep permits Standardizer, Whitener {

  float[] apply(float[] row);

  /** Writes the tag and the fitted values, exactly (doubles as their bits). */
  void write(DataOutputStream out) throws IOException;

  static FeatureStep read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case Standardizer.TAG -> Standardizer.read(in);
      case Whitener.TAG -> Whitener.read(in);
      default -> throw new IOException("unknown preprocessing step " + tag);
    };
  }

  static void writeVector(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  static double[] readVector(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}
