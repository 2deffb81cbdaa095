package dev.descent.engine.fullbatch.method;

/** Dense float64 matrix helpers for BFGS and Newton: products, identity, and a pivoted linear solve. */
final class DenseMatrices {
  private DenseMatrices() {}

  /** Refuses dense n×n curvature for vectors beyond {@code limit}, naming the method and the spec knob. */
  static void requireAtMost(int dimension, int limit, String method) {
    if (dimension > limit) {
      throw new IllegalArgumentException(method + " keeps a dense " + dimension + "×" + dimension
          + " matrix: " + dimension + " parameters exceed its limit of " + limit
          + " (max_params); use lbfgs or newton_cg for a model this size");
    }
  }

  static double[][] identity(int n, double scale) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = scale;
    }
    return m;
  }

  static double[] times(double[][] m, double[] v) {
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double sum = 0;
      for (int j = 0; j < v.length; j++) {
        sum += m[i][j] * v[j];
      }
      out[i] = sum;
    }
    return out;
  }

  /**
   * Solves A·z = b by Gaussian elimination with partial pivoting (Golub &amp; Van Loan, <i>Matrix Computations</i>,
   * Algorithm 3.4.1); A need not be definite. Returns null when a pivot is exactly zero.
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] rhs = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int k = 0; k < n; k++) {
      int pivot = pivotRow(m, k);
      if (m[pivot][k] == 0) {
        return null;
      }
      swap(m, rhs, k, pivot);
      for (int i = k + 1; i < n; i++) {
        double factor = m[i][k] / m[k][k];
        for (int j = k; j < n; j++) {
          m[i][j] -= factor * m[k][j];
        }
        rhs[i] -= factor * rhs[k];
      }
    }
    return backSubstitute(m, rhs);
  }

  private static int pivotRow(double[][] m, int k) {
    int best = k;
    for (int i = k + 1; i < m.length; i++) {
      if (Math.abs(m[i][k]) > Math.abs(m[best][k])) {
        best = i;
      }
    }
    return best;
  }

  private static void swap(double[][] m, double[] rhs, int i, int j) {
    double[] row = m[i];
    m[i] = m[j];
    m[j] = row;
    double value = rhs[i];
    rhs[i] = rhs[j];
    rhs[j] = value;
  }

  private static double[] backSubstitute(double[][] upper, double[] rhs) {
    int n = rhs.length;
    double[] z = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = rhs[i];
      for (int j = i + 1; j < n; j++) {
        sum -= upper[i][j] * z[j];
      }
      z[i] = sum / upper[i][i];
    }
    return z;
  }
}
