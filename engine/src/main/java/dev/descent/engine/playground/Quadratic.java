package dev.descent.engine.playground;

/** The quadratic {@code f(x) = ½ xᵀAx − bᵀx}, gradient {@code ½(A + Aᵀ)x − b} ({@code Ax − b} for symmetric A). */
public record Quadratic(double[][] a, double[] b) implements TestFunction {
  @Override
  public int dimension() {
    return b.length;
  }

  @Override
  public double value(double[] x) {
    double quadratic = 0;
    double linear = 0;
    for (int i = 0; i < b.length; i++) {
      double row = 0;
      for (int j = 0; j < b.length; j++) {
        row += a[i][j] * x[j];
      }
      quadratic += x[i] * row;
      linear += b[i] * x[i];
    }
    return 0.5 * quadratic - linear;
  }

  @Override
  public double[] gradient(double[] x) {
    double[] g = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      double sum = 0;
      for (int j = 0; j < b.length; j++) {
        sum += 0.5 * (a[i][j] + a[j][i]) * x[j];
      }
      g[i] = sum - b[i];
    }
    return g;
  }
}
