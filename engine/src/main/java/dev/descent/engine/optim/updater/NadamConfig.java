package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch ≥ 2.0's {@code torch.optim.NAdam} (Dozat 2016, "Incorporating Nesterov Momentum into Adam", with momentum
 * decay ψ): {@code μ_t = β₁(1 − ½·0.96^{tψ})}, {@code Π_t = ∏_{i≤t} μ_i}, {@code m_t = β₁ m_{t-1} + (1 − β₁) g_t},
 * {@code v_t = β₂ v_{t-1} + (1 − β₂) g_t²}, {@code d_t = √(v_t / (1 − β₂ᵗ)) + eps}; the update is
 * {@code lr(1 − μ_t)/(1 − Π_t) · g_t/d_t + lr μ_{t+1}/(1 − Π_t μ_{t+1}) · m_t/d_t}.
 */
public class NadamConfig extends BetasConfig {
  public static final double DEFAULT_LR = 2e-3;
  public static final double DEFAULT_MOMENTUM_DECAY = 4e-3;

  private double momentumDecay = DEFAULT_MOMENTUM_DECAY;

  public NadamConfig() {
    this(DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, DEFAULT_MOMENTUM_DECAY);
  }

  public NadamConfig(double lr, double beta1, double beta2, double eps, double momentumDecay) {
    super(lr, beta1, beta2, eps);
    this.momentumDecay = momentumDecay;
  }

  @Override
  protected List<Object> moreHyperparameters() {
    return List.of(momentumDecay);
  }

  /** {@code μ_t}, the momentum coefficient of step {@code t}. */
  double mu(int t) {
    return getBeta1() * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
  }

  public double getMomentumDecay() {
    return momentumDecay;
  }

  public void setMomentumDecay(double momentumDecay) {
    this.momentumDecay = momentumDecay;
  }
}
