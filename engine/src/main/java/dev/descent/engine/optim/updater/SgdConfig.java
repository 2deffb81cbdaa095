package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.SGD} (Sutskever et al. 2013, "On the importance of initialization and momentum in deep
 * learning", in PyTorch's formulation): with momentum μ, dampening τ and step t,
 * {@code b_1 = g_1}, {@code b_t = μ b_{t-1} + (1 − τ) g_t}; the update is {@code lr · b_t}, or with Nesterov
 * {@code lr · (g_t + μ b_t)}; without momentum {@code lr · g_t}. {@code weight_decay} is applied as L2 before it.
 */
public class SgdConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 1e-3;
  public static final double DEFAULT_MOMENTUM = 0.0;
  public static final double DEFAULT_DAMPENING = 0.0;

  private double momentum = DEFAULT_MOMENTUM;
  private double dampening = DEFAULT_DAMPENING;
  private boolean nesterov;

  public SgdConfig() {
    super(DEFAULT_LR);
  }

  public SgdConfig(double lr, double momentum, double dampening, boolean nesterov) {
    super(lr);
    this.momentum = momentum;
    this.dampening = dampening;
    this.nesterov = nesterov;
  }

  @Override
  protected StateUpdater<?> newUpdater() {
    return new SgdUpdater(this);
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(momentum, dampening, nesterov);
  }

  @Override
  protected int stateSlots() {
    return momentum == 0 ? 0 : 1;
  }

  public double getMomentum() {
    return momentum;
  }

  public void setMomentum(double momentum) {
    this.momentum = momentum;
  }

  public double getDampening() {
    return dampening;
  }

  public void setDampening(double dampening) {
    this.dampening = dampening;
  }

  public boolean isNesterov() {
    return nesterov;
  }

  public void setNesterov(boolean nesterov) {
    this.nesterov = nesterov;
  }
}
