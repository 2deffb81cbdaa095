package dev.descent.engine.optim.updater;

/** The per-step scalars of a chunk kernel, computed in double and handed to its float loop rounded once. */
final class Scalars {
  private Scalars() {}

  /** {@code values} rounded to float, element by element. */
  static float[] floats(double... values) {
    float[] rounded = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      rounded[i] = (float) values[i];
    }
    return rounded;
  }
}
