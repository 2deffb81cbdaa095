package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * RMSProp with Nesterov momentum (Goodfellow, Bengio, Courville 2016, "Deep Learning", Algorithm 8.7, with PyTorch's
 * {@code eps} added to the root as in RMSprop): {@code r_t = α r_{t-1} + (1 − α) g_t²},
 * {@code s_t = μ s_{t-1} + lr · g_t / (√r_t + eps)} (the book's velocity is {@code v = −s}), where {@code g_t} is the
 * gradient at the look-ahead point {@code θ + μv}. Like PyTorch's Nesterov SGD the parameters held ARE the look-ahead
 * point {@code φ = θ − μ s}, so DL4J's gradient is already the look-ahead gradient, and the update is
 * {@code φ_{t-1} − φ_t = (1 + μ) s_t − μ s_{t-1}}.
 */
public class RmspropNesterovConfig extends SquareAverageConfig {
  public static final double DEFAULT_LR = 1e-3;
  public static final double DEFAULT_ALPHA = 0.99;
  public static final double DEFAULT_MOMENTUM = 0.9;
  public static final double DEFAULT_EPS = 1e-8;

  public RmspropNesterovConfig() {
    super(DEFAULT_LR, DEFAULT_ALPHA, DEFAULT_MOMENTUM, DEFAULT_EPS);
  }

  public RmspropNesterovConfig(double lr, double alpha, double momentum, double eps) {
    super(lr, alpha, momentum, eps);
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(getAlpha(), getMomentum(), getEps());
  }
}
