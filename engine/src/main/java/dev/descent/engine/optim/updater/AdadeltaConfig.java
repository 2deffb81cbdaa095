package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.Adadelta} (Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method", Algorithm 1
 * with PyTorch's extra learning rate): {@code v_t = ρ v_{t-1} + (1 − ρ) g_t²},
 * {@code Δ_t = √(u_{t-1} + eps) / √(v_t + eps) · g_t}, {@code u_t = ρ u_{t-1} + (1 − ρ) Δ_t²}; the update is
 * {@code lr · Δ_t} ({@code lr = 1} is Zeiler's method without a learning rate).
 */
public class AdadeltaConfig extends EpsConfig {
  public static final double DEFAULT_LR = 1.0;
  public static final double DEFAULT_RHO = 0.9;
  public static final double DEFAULT_EPS = 1e-6;

  private double rho = DEFAULT_RHO;

  public AdadeltaConfig() {
    super(DEFAULT_LR, DEFAULT_EPS);
  }

  public AdadeltaConfig(double lr, double rho, double eps) {
    super(lr, eps);
    this.rho = rho;
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(rho, getEps());
  }

  public double getRho() {
    return rho;
  }

  public void setRho(double rho) {
    this.rho = rho;
  }
}
