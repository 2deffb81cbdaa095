package dev.descent.engine.optim.updater;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * In-place exponential moving averages {@code a ← β a + (1 − β) x}, the building block of the adaptive methods, as
 * one scale and one fused {@code Axpy} ({@code z = α·x + y}) so that no temporary as large as the parameters is made.
 */
final class Ema {
  private Ema() {}

  /** {@code average ← decay · average + (1 − decay) · x}. */
  static void update(INDArray average, INDArray x, double decay) {
    Nd4j.exec(new Axpy(x, average.muli(decay), average, 1 - decay));
  }

  /** Adam's moments: {@code m ← β₁m + (1 − β₁)g}, {@code v ← β₂v + (1 − β₂)g²}. */
  static void moments(INDArray m, INDArray v, INDArray g, double beta1, double beta2) {
    update(m, g, beta1);
    updateSquare(v, g, beta2);
  }

  /** {@code average ← decay · average + (1 − decay) · x²}. */
  static void updateSquare(INDArray average, INDArray x, double decay) {
    update(average, x.mul(x), decay);
  }
}
