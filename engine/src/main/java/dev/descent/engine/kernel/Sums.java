package dev.descent.engine.kernel;

/**
 * Sums over heap chunks in double, with eight independent accumulators combined in a fixed order: deterministic,
 * and free of the single dependency chain that would bound a plain loop to one addition per four cycles.
 */
final class Sums {
  private Sums() {}

  static double squares(float[] a, int n) {
    double[] s = new double[8];
    int i = 0;
    for (; i + 7 < n; i += 8) {
      for (int k = 0; k < 8; k++) {
        s[k] += (double) a[i + k] * a[i + k];
      }
    }
    for (; i < n; i++) {
      s[0] += (double) a[i] * a[i];
    }
    return combine(s);
  }

  static double squares(double[] a, int n) {
    double[] s = new double[8];
    int i = 0;
    for (; i + 7 < n; i += 8) {
      for (int k = 0; k < 8; k++) {
        s[k] += a[i + k] * a[i + k];
      }
    }
    for (; i < n; i++) {
      s[0] += a[i] * a[i];
    }
    return combine(s);
  }

  private static double combine(double[] s) {
    return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
  }
}
