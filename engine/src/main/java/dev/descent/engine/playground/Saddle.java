package dev.descent.engine.playground;

/** The saddle {@code f(x) = x₀² − x₁²} on ℝ², unbounded below, with a saddle point at the origin. */
public record Saddle() implements TestFunction {
  @Override
  public int dimension() {
    return 2;
  }

  @Override
  public double value(double[] x) {
    return x[0] * x[0] - x[1] * x[1];
  }

  @Override
  public double[] gradient(double[] x) {
    return new double[] {2 * x[0], -2 * x[1]};
  }
}
