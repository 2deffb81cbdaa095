package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.RMSprop} (Hinton, Lecture 6e of "Neural Networks for Machine Learning", 2012; centered
 * variant Graves 2013, "Generating Sequences With Recurrent Neural Networks"):
 * {@code v_t = α v_{t-1} + (1 − α) g_t²}; centered: {@code ḡ_t = α ḡ_{t-1} + (1 − α) g_t},
 * {@code d_t = √(v_t − ḡ_t²) + eps}, else {@code d_t = √v_t + eps}; with momentum μ {@code b_t = μ b_{t-1} + g_t/d_t}
 * and update {@code lr · b_t}, else update {@code lr · g_t / d_t}.
 */
public class RmspropConfig extends SquareAverageConfig {
  public static final double DEFAULT_LR = 1e-2;
  public static final double DEFAULT_ALPHA = 0.99;
  public static final double DEFAULT_EPS = 1e-8;
  public static final double DEFAULT_MOMENTUM = 0.0;

  private boolean centered;

  public RmspropConfig() {
    super(DEFAULT_LR, DEFAULT_ALPHA, DEFAULT_MOMENTUM, DEFAULT_EPS);
  }

  public RmspropConfig(double lr, double alpha, double eps, double momentum, boolean centered) {
    super(lr, alpha, momentum, eps);
    this.centered = centered;
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(getAlpha(), getEps(), getMomentum(), centered);
  }


  public boolean isCentered() {
    return centered;
  }

  public void setCentered(boolean centered) {
    this.centered = centered;
  }
}
