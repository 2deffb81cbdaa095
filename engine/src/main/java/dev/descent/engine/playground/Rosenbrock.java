package dev.descent.engine.playground;

/**
 * Rosenbrock's valley (Rosenbrock 1960) in n ≥ 2 dimensions:
 * {@code f(x) = Σ_{i<n-1} (1 − x_i)² + 100(x_{i+1} − x_i²)²}, minimum 0 at (1, …, 1).
 */
public record Rosenbrock(int dimension) implements TestFunction {
  public static final double CURVATURE = 100.0;

  @Override
  public double value(double[] x) {
    double sum = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = 1 - x[i];
      double b = x[i + 1] - x[i] * x[i];
      sum += a * a + CURVATURE * b * b;
    }
    return sum;
  }

  @Override
  public double[] gradient(double[] x) {
    double[] g = new double[x.length];
    for (int i = 0; i + 1 < x.length; i++) {
      double b = x[i + 1] - x[i] * x[i];
      g[i] += -2 * (1 - x[i]) - 4 * CURVATURE * x[i] * b;
      g[i + 1] += 2 * CURVATURE * b;
    }
    return g;
  }
}
