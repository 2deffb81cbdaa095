package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.Adagrad} (Duchi, Hazan, Singer 2011, "Adaptive Subgradient Methods"): with
 * {@code clr_t = lr / (1 + (t − 1) · lr_decay)}, {@code s_t = s_{t-1} + g_t²} starting at
 * {@code initial_accumulator_value}, the update is {@code clr_t · g_t / (√s_t + eps)}.
 */
public class AdagradConfig extends EpsConfig {
  public static final double DEFAULT_LR = 1e-2;
  public static final double DEFAULT_LR_DECAY = 0.0;
  public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.0;
  public static final double DEFAULT_EPS = 1e-10;

  private double lrDecay = DEFAULT_LR_DECAY;
  private double initialAccumulatorValue = DEFAULT_INITIAL_ACCUMULATOR_VALUE;

  public AdagradConfig() {
    super(DEFAULT_LR, DEFAULT_EPS);
  }

  public AdagradConfig(double lr, double lrDecay, double initialAccumulatorValue, double eps) {
    super(lr, eps);
    this.lrDecay = lrDecay;
    this.initialAccumulatorValue = initialAccumulatorValue;
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(lrDecay, initialAccumulatorValue, getEps());
  }

  public double getLrDecay() {
    return lrDecay;
  }

  public void setLrDecay(double lrDecay) {
    this.lrDecay = lrDecay;
  }

  public double getInitialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  public void setInitialAccumulatorValue(double initialAccumulatorValue) {
    this.initialAccumulatorValue = initialAccumulatorValue;
  }
}
