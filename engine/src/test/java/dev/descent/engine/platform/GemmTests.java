package dev.descent.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The OpenBLAS kernel this process runs ({@link BlasKernels}) multiplies correctly, in double and float, on the shapes
 * training uses (small and tall, transposed or not), against a plain loop. OpenBLAS 0.3.19's Cooperlake kernels fail
 * this on an AMD Zen 4 (run with {@code DESCENT_OPENBLAS_CORE=Cooperlake} to see it).
 */
class GemmTests {
  @ParameterizedTest
  @CsvSource({"256, 64, 16, false", "256, 64, 16, true", "7, 5, 3, false", "64, 784, 1024, true",
      "100, 20, 30, true"})
  void matrixProductsMatchAPlainLoop(int m, int k, int n, boolean transposeA) {
    for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
      Random random = new Random(m * 31L + k);
      double[][] a = matrix(random, m, k);
      double[][] b = matrix(random, k, n);
      INDArray x = transposeA ? Nd4j.create(transpose(a)).castTo(type) : Nd4j.create(a).castTo(type);
      INDArray y = Nd4j.create(b).castTo(type);
      INDArray product = Nd4j.gemm(x, y, transposeA, false);
      double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-3;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double expected = 0;
          for (int l = 0; l < k; l++) {
            expected += a[i][l] * b[l][j];
          }
          assertThat(product.getDouble(i, j)).as("%s (%d, %d)", type, i, j)
              .isCloseTo(expected, org.assertj.core.api.Assertions.within(tolerance * Math.sqrt(k)));
        }
      }
    }
  }

  private static double[][] matrix(Random random, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return m;
  }

  private static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
