package dev.descent.engine.optim.updater;

/**
 * PyTorch's {@code torch.optim.RAdam} (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond",
 * Algorithm 2): {@code m_t}, {@code v_t} as in Adam, {@code ρ_∞ = 2/(1 − β₂) − 1},
 * {@code ρ_t = ρ_∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)}; if {@code ρ_t > 5} the update is
 * {@code lr · m_t/(1 − β₁ᵗ) · r_t · √(1 − β₂ᵗ)/(√v_t + eps)} with
 * {@code r_t = √((ρ_t − 4)(ρ_t − 2)ρ_∞ / ((ρ_∞ − 4)(ρ_∞ − 2)ρ_t))}, otherwise {@code lr · m_t/(1 − β₁ᵗ)}.
 */
public class RadamConfig extends BetasConfig {
  public static final double DEFAULT_LR = 1e-3;
  /** The variance-tractability threshold on {@code ρ_t} above which the adaptive step is used. */
  public static final double RHO_THRESHOLD = 5.0;

  public RadamConfig() {
    this(DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
  }

  public RadamConfig(double lr, double beta1, double beta2, double eps) {
    super(lr, beta1, beta2, eps);
  }
}
