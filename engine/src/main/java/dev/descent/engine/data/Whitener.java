package dev.descent.engine.data;

import dev.descent.engine.spec.Whitening;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Whitens features with the mean {@code μ} and the population covariance {@code Σ = U Λ Uᵀ} of one part of the data
 * ({@link Whitening}): {@code x' = W (x − μ)} with {@code W = (Λ + εI)^{-1/2} Uᵀ} (PCA) or
 * {@code W = U (Λ + εI)^{-1/2} Uᵀ} (ZCA). Everything is computed in double precision by a pure-Java symmetric
 * eigendecomposition (Commons Math: Householder tridiagonalization and QL), so a fit is deterministic. Eigenpairs are
 * ordered by decreasing eigenvalue (ties by index) and each eigenvector's largest-magnitude entry (the first, on ties)
 * is made positive; negative round-off eigenvalues count as 0. The ZCA matrix is exactly symmetric.
 */
final class Whitener implements FeatureStep {
  static final byte TAG = 'W';

  private final double[] mean;
  private final double[][] matrix;

  private Whitener(double[] mean, double[][] matrix) {
    this.mean = mean;
    this.matrix = matrix;
  }

  static Whitener fit(Samples samples, Whitening whitening, double epsilon) {
    double[] mean = mean(samples);
    RealMatrix covariance = new Array2DRowRealMatrix(covariance(samples, mean), false);
    EigenDecomposition eigen = new EigenDecomposition(covariance);
    double[] values = eigen.getRealEigenvalues();
    int d = mean.length;
    int[] order = IntStream.range(0, d).boxed()
        .sorted(Comparator.<Integer>comparingDouble(k -> -values[k]).thenComparingInt(k -> k))
        .mapToInt(Integer::intValue).toArray();
    double[][] u = new double[d][];
    double[] scale = new double[d];
    for (int k = 0; k < d; k++) {
      u[k] = signFixed(eigen.getEigenvector(order[k]).toArray());
      scale[k] = 1 / Math.sqrt(Math.max(0, values[order[k]]) + epsilon);
    }
    return new Whitener(mean, whitening == Whitening.PCA ? pca(u, scale) : zca(u, scale));
  }

  /** The matrix {@code W}, row by row (for tests). */
  double[][] matrix() {
    return matrix;
  }

  @Override
  public float[] apply(float[] row) {
    double[] centred = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      centred[j] = row[j] - mean[j];
    }
    float[] out = new float[matrix.length];
    for (int i = 0; i < out.length; i++) {
      double sum = 0;
      double[] w = matrix[i];
      for (int j = 0; j < centred.length; j++) {
        sum += w[j] * centred[j];
      }
      out[i] = (float) sum;
    }
    return out;
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeByte(TAG);
    FeatureStep.writeVector(out, mean);
    out.writeInt(matrix.length);
    for (double[] row : matrix) {
      FeatureStep.writeVector(out, row);
    }
  }

  static Whitener read(DataInputStream in) throws IOException {
    double[] mean = FeatureStep.readVector(in);
    double[][] matrix = new double[in.readInt()][];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = FeatureStep.readVector(in);
    }
    return new Whitener(mean, matrix);
  }

  private static double[] mean(Samples samples) {
    double[] mean = new double[samples.featureCount()];
    for (float[] row : samples.features()) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j];
      }
    }
    int n = Math.max(1, samples.size());
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= n;
    }
    return mean;
  }

  /** The population covariance {@code (1/n) Σ (x − μ)(x − μ)ᵀ}, upper triangle accumulated, then mirrored. */
  private static double[][] covariance(Samples samples, double[] mean) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    double[] c = new double[d];
    for (float[] row : samples.features()) {
      for (int j = 0; j < d; j++) {
        c[j] = row[j] - mean[j];
      }
      for (int i = 0; i < d; i++) {
        double ci = c[i];
        double[] out = cov[i];
        for (int j = i; j < d; j++) {
          out[j] += ci * c[j];
        }
      }
    }
    int n = Math.max(1, samples.size());
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        cov[i][j] /= n;
        cov[j][i] = cov[i][j];
      }
    }
    return cov;
  }

  private static double[] signFixed(double[] v) {
    int largest = 0;
    for (int j = 1; j < v.length; j++) {
      largest = Math.abs(v[j]) > Math.abs(v[largest]) ? j : largest;
    }
    if (v[largest] < 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] = -v[j];
      }
    }
    return v;
  }

  /** {@code W[k][j] = s_k u_k[j]}: row k projects onto eigenvector k. */
  private static double[][] pca(double[][] u, double[] scale) {
    double[][] w = new double[u.length][u.length];
    for (int k = 0; k < u.length; k++) {
      for (int j = 0; j < u.length; j++) {
        w[k][j] = scale[k] * u[k][j];
      }
    }
    return w;
  }

  /** {@code W[i][j] = Σ_k u_k[i] s_k u_k[j]}, computed once per pair {@code i ≤ j} and mirrored. */
  private static double[][] zca(double[][] u, double[] scale) {
    int d = u.length;
    double[][] w = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
          sum += u[k][i] * u[k][j] * scale[k];
        }
        w[i][j] = sum;
        w[j][i] = sum;
      }
    }
    return w;
  }
}
