package dev.descent.engine.optim.updater;

/**
 * PyTorch's {@code torch.optim.Adamax} (Kingma, Ba 2015, Algorithm 2): {@code m_t = β₁ m_{t-1} + (1 − β₁) g_t},
 * {@code u_t = max(β₂ u_{t-1}, |g_t| + eps)}; the update is {@code lr/(1 − β₁ᵗ) · m_t / u_t}.
 */
public class AdamaxConfig extends BetasConfig {
  public static final double DEFAULT_LR = 2e-3;

  public AdamaxConfig() {
    this(DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
  }

  public AdamaxConfig(double lr, double beta1, double beta2, double eps) {
    super(lr, beta1, beta2, eps);
  }
}
