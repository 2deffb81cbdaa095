package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;

/**
 * Online gradient descent (Zinkevich 2003, "Online Convex Programming and Generalized Infinitesimal Gradient
 * Ascent"): {@code w_t = w_{t−1} − η_t·g_t} with {@code η_t = eta/√t} and {@code g_t = ℓ'(w_{t−1}ᵀx_t)·x_t}.
 * Costs O(non-zeros of x) per step. {@link #learningRate()} is {@code η_t}.
 */
public final class OnlineGradientDescent extends AbstractLearner {
  private final double eta;

  public OnlineGradientDescent(int dimension, double eta) {
    super(dimension);
    this.eta = positive(eta, "eta");
  }

  @Override
  public void update(SparseVector x, double lossSlope) {
    decayingStep(x, lossSlope, eta);
  }
}
