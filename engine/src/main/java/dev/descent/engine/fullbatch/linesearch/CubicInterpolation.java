package dev.descent.engine.fullbatch.linesearch;

/**
 * The minimizer of the cubic through two points with values and slopes, clamped to bounds (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., eq. 3.59), as PyTorch 1.13's {@code _cubic_interpolate} computes it:
 *
 * <pre>
 *   d1 = g1 + g2 − 3(f1 − f2)/(x1 − x2),   d2 = √(d1² − g1·g2)
 *   x* = x2 − (x2 − x1)·(g2 + d2 − d1)/(g2 − g1 + 2·d2)     (x1 ≤ x2; mirrored otherwise)
 * </pre>
 *
 * clamped to [lo, hi]; the midpoint of the bounds when d1² − g1·g2 &lt; 0.
 */
final class CubicInterpolation {
  private CubicInterpolation() {}

  /** Bounded by the two points themselves. */
  static double minimize(double x1, double f1, double g1, double x2, double f2, double g2) {
    return x1 <= x2
        ? minimize(x1, f1, g1, x2, f2, g2, x1, x2)
        : minimize(x1, f1, g1, x2, f2, g2, x2, x1);
  }

  static double minimize(
      double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square < 0) {
      return (lo + hi) / 2.0;
    }
    double d2 = Math.sqrt(d2Square);
    double minPos =
        x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, lo), hi);
  }
}
