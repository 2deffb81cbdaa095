package dev.descent.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Global-norm and value clipping with PyTorch's semantics, on mean and batch-summed gradients. */
class GradientClippingTests {
  private static INDArray gradient(double... values) {
    return Nd4j.createFromArray(values).reshape(1, values.length);
  }

  @Test
  void globalNormScalesTheWholeGradientLikeClipGradNorm() {
    INDArray g = gradient(3, 4, 0);
    GradientClipping.clipByGlobalNorm(g, 1.0, 1);
    double coefficient = 1.0 / (5 + GradientClipping.NORM_EPS);
    assertThat(g.toDoubleVector()).containsExactly(new double[] {3 * coefficient, 4 * coefficient, 0}, within(1e-15));
  }

  @Test
  void smallGradientsAreLeftAlone() {
    INDArray g = gradient(0.3, 0.4);
    GradientClipping.clipByGlobalNorm(g, 1.0, 1);
    assertThat(g.toDoubleVector()).containsExactly(0.3, 0.4);
  }

  @Test
  void batchSummedGradientsAreClippedByTheirMean() {
    INDArray summed = gradient(30, 40);
    GradientClipping.clipByGlobalNorm(summed, 1.0, 10);
    assertThat(summed.div(10).norm2Number().doubleValue()).isCloseTo(1.0, within(1e-6));
    INDArray small = gradient(3, 4);
    GradientClipping.clipByGlobalNorm(small, 1.0, 10);
    assertThat(small.toDoubleVector()).containsExactly(3, 4);
  }

  @Test
  void valueClippingClampsEveryElementOfTheMean() {
    INDArray g = gradient(-3, 0.5, 2, -0.2);
    new GradientClipping(GradientClipping.OFF, 1.0).apply(g, 2);
    assertThat(g.toDoubleVector()).containsExactly(-2, 0.5, 2, -0.2);
  }

  @Test
  void noneChangesNothing() {
    INDArray g = gradient(1e6, -1e6);
    GradientClipping.NONE.apply(g, 1);
    assertThat(g.toDoubleVector()).containsExactly(1e6, -1e6);
  }
}
