package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;

/**
 * FOBOS with an L1 penalty (Duchi and Singer 2009, "Efficient Online and Batch Learning Using Forward Backward
 * Splitting", JMLR 10, §5.1): a gradient step {@code w' = w_{t−1} − η_t·g_t} with {@code η_t = eta/√t}, then the
 * proximal step of {@code η_t·l1·‖w‖₁}, soft thresholding every coordinate: {@code w_t,i = sign(w'_i)·max(|w'_i| −
 * η_t·l1, 0)}. Zeros stay zero under the threshold, so a step costs O(non-zeros of x and of w).
 * {@link #learningRate()} is {@code η_t}.
 */
public final class FobosL1 extends AbstractLearner {
  private final double eta;
  private final double l1;

  public FobosL1(int dimension, double eta, double l1) {
    super(dimension);
    this.eta = positive(eta, "eta");
    this.l1 = nonNegative(l1, "l1");
  }

  @Override
  public void update(SparseVector x, double lossSlope) {
    double threshold = decayingStep(x, lossSlope, eta) * l1;
    w.updateNonzeros((i, v) -> WeightVector.softThreshold(v, threshold));
  }
}
