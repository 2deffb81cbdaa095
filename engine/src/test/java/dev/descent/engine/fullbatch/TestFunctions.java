package dev.descent.engine.fullbatch;

import dev.descent.engine.fullbatch.core.Objective;

/** The reference problems: Rosenbrock, the quadratic 0.5 xᵀAx − bᵀx, and the saddle x₀² − x₁². */
final class TestFunctions {
  private TestFunctions() {}

  static Objective rosenbrock() {
    return new Objective() {
      @Override
      public double value(double[] x) {
        return (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
      }

      @Override
      public double[] gradient(double[] x) {
        double inner = x[1] - x[0] * x[0];
        return new double[] {-2 * (1 - x[0]) - 400 * x[0] * inner, 200 * inner};
      }
    };
  }

  static Objective quadratic(double[][] a, double[] b) {
    return new Objective() {
      @Override
      public double value(double[] x) {
        double[] ax = times(a, x);
        double f = 0;
        for (int i = 0; i < x.length; i++) {
          f += 0.5 * x[i] * ax[i] - b[i] * x[i];
        }
        return f;
      }

      @Override
      public double[] gradient(double[] x) {
        double[] g = times(a, x);
        for (int i = 0; i < x.length; i++) {
          g[i] -= b[i];
        }
        return g;
      }
    };
  }

  static Objective saddle() {
    return new Objective() {
      @Override
      public double value(double[] x) {
        return x[0] * x[0] - x[1] * x[1];
      }

      @Override
      public double[] gradient(double[] x) {
        return new double[] {2 * x[0], -2 * x[1]};
      }
    };
  }

  static double[] times(double[][] a, double[] x) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        out[i] += a[i][j] * x[j];
      }
    }
    return out;
  }
}
