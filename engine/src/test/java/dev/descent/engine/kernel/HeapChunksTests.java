package dev.descent.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HeapChunksTests {
  /** A view that starts inside its buffer and whose length is no multiple of a chunk or of eight. */
  private static INDArray view(DataType type, int length, long seed) {
    Nd4j.getRandom().setSeed(seed);
    INDArray whole = Nd4j.randn(type, 1, length + 10).reshape(length + 10);
    return whole.get(NDArrayIndex.interval(7, 7 + length));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 2048, 2049, 5003})
  void aKernelUpdatesEveryElementOfEveryArrayInPlace(int length) {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray a = view(type, length, 1);
      INDArray b = view(type, length, 2);
      INDArray expectedA = a.mul(2).add(b);
      INDArray expectedB = b.sub(1);
      HeapChunks.run((x, n) -> {
        for (int i = 0; i < n; i++) {
          x[0][i] = 2 * x[0][i] + x[1][i];
          x[1][i] -= 1;
        }
      }, (x, n) -> {
        for (int i = 0; i < n; i++) {
          x[0][i] = 2 * x[0][i] + x[1][i];
          x[1][i] -= 1;
        }
      }, a, b);
      assertThat(a).as("%s", type).isEqualTo(expectedA);
      assertThat(b).as("%s", type).isEqualTo(expectedB);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
  void sumOfSquaresIsTheDoubleSumOfTheElements(DataType type) {
    INDArray x = view(type, 5003, 3);
    double expected = 0;
    for (int i = 0; i < x.length(); i++) {
      expected += x.getDouble(i) * x.getDouble(i);
    }
    assertThat(HeapChunks.sumOfSquares(x)).isCloseTo(expected, within(1e-12 * expected));
    assertThat(HeapChunks.norm2(x)).isCloseTo(Math.sqrt(expected), within(1e-12 * Math.sqrt(expected)));
  }

  @Test
  void stridedOrMixedArraysAreRefusedAndNormFallsBackToNd4j() {
    INDArray matrix = Nd4j.rand(DataType.FLOAT, 6, 4);
    INDArray column = matrix.getColumn(1);
    assertThat(HeapChunks.supports(column)).isFalse();
    assertThat(HeapChunks.supports(matrix, Nd4j.rand(DataType.DOUBLE, 6, 4))).isFalse();
    assertThat(HeapChunks.supports(matrix, Nd4j.rand(DataType.FLOAT, 5, 4))).isFalse();
    assertThat(HeapChunks.norm2(column)).isCloseTo(column.norm2Number().doubleValue(), within(1e-6));
    assertThatThrownBy(() -> HeapChunks.run((x, n) -> { }, (x, n) -> { }, column))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
