package dev.descent.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Orthogonal and sparse schemes: the structure they promise, on dense and convolution layouts. */
class StructuredInitTests {

  @Test
  void orthogonalDenseWeightsHaveOrthogonalColumnsScaledByGain() {
    INDArray w = dense(new OrthogonalInit(1.5, 2.0), 300, 120);
    assertIdentity(w.transpose().mmul(w), 9.0);
  }

  @Test
  void orthogonalWideWeightsHaveOrthogonalRows() {
    INDArray w = dense(new OrthogonalInit(1.0, 1.0), 50, 200);
    assertIdentity(w.mmul(w.transpose()), 1.0);
  }

  @Test
  void orthogonalConvolutionFiltersAreOrthonormal() {
    Nd4j.getRandom().setSeed(3);
    INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, 8 * 4 * 3 * 3);
    INDArray w = new OrthogonalInit().init(36, 72, new long[] {8, 4, 3, 3}, 'c', view);
    INDArray filters = w.reshape('c', 8, 36);
    assertIdentity(filters.mmul(filters.transpose()), 1.0);
  }

  @Test
  void sparseDenseUnitsHaveExactlyKIncomingWeights() {
    INDArray w = dense(new SparseInit(15, 0.5), 400, 250);
    for (int unit = 0; unit < 250; unit++) {
      assertThat(w.getColumn(unit).neq(0).castTo(DataType.INT32).sumNumber().intValue()).isEqualTo(15);
    }
    double[] values = w.reshape(w.length()).toDoubleVector();
    double sumSquares = 0;
    for (double v : values) {
      sumSquares += v * v;
    }
    double n = 15 * 250;
    double variance = sumSquares / n;
    assertThat(variance).isCloseTo(0.25, within(5 * 0.25 * Math.sqrt(2 / n)));
  }

  @Test
  void sparseConvolutionFiltersHaveExactlyKWeightsAndSmallUnitsKeepAll() {
    Nd4j.getRandom().setSeed(4);
    INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, 6 * 2 * 3 * 3);
    INDArray w = new SparseInit(5, 1).init(18, 54, new long[] {6, 2, 3, 3}, 'c', view).reshape('c', 6, 18);
    for (int unit = 0; unit < 6; unit++) {
      assertThat(w.getRow(unit).neq(0).castTo(DataType.INT32).sumNumber().intValue()).isEqualTo(5);
    }
    INDArray small = dense(new SparseInit(15, 1), 4, 3);
    assertThat(small.neq(0).castTo(DataType.INT32).sumNumber().intValue()).isEqualTo(12);
  }

  private static INDArray dense(SeededWeightInit init, int nIn, int nOut) {
    Nd4j.getRandom().setSeed(11);
    INDArray view = Nd4j.zeros(DataType.DOUBLE, 1, nIn * nOut);
    return init.init(nIn, nOut, new long[] {nIn, nOut}, 'f', view);
  }

  private static void assertIdentity(INDArray product, double diagonal) {
    for (int i = 0; i < product.rows(); i++) {
      for (int j = 0; j < product.columns(); j++) {
        assertThat(product.getDouble(i, j)).isCloseTo(i == j ? diagonal : 0.0, within(1e-10));
      }
    }
  }
}
