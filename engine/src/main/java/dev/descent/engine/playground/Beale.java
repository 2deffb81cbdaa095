package dev.descent.engine.playground;

/**
 * Beale's function (Beale 1958) on ℝ²: {@code f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²},
 * minimum 0 at (3, 0.5).
 */
public record Beale() implements TestFunction {
  private static final double[] TARGETS = {1.5, 2.25, 2.625};

  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public double value(double[] p) {
    double sum = 0;
    for (int k = 0; k < TARGETS.length; k++) {
      double r = TARGETS[k] - p[0] + p[0] * Math.pow(p[1], k + 1);
      sum += r * r;
    }
    return sum;
  }

  @Override
  public double[] gradient(double[] p) {
    double[] g = new double[2];
    for (int k = 0; k < TARGETS.length; k++) {
      double power = Math.pow(p[1], k + 1);
      double r = TARGETS[k] - p[0] + p[0] * power;
      g[0] += 2 * r * (power - 1);
      g[1] += 2 * r * p[0] * (k + 1) * Math.pow(p[1], k);
    }
    return g;
  }
}
