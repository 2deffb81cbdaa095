package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.Adam} / {@code AdamW} update (Kingma, Ba 2015, "Adam: A Method for Stochastic
 * Optimization", Algorithm 1; AMSGrad: Reddi, Kale, Kumar 2018, "On the Convergence of Adam and Beyond"):
 * {@code m_t = β₁ m_{t-1} + (1 − β₁) g_t}, {@code v_t = β₂ v_{t-1} + (1 − β₂) g_t²}, AMSGrad
 * {@code v̂_t = max(v̂_{t-1}, v_t)} else {@code v̂_t = v_t}; the update is
 * {@code lr/(1 − β₁ᵗ) · m_t / (√v̂_t / √(1 − β₂ᵗ) + eps)}. Adam's {@code weight_decay} (L2 on the gradient) and
 * AdamW's decoupled decay {@code θ ← θ(1 − lr·wd)} are DL4J regularizations around this update.
 */
public class AdamConfig extends BetasConfig {
  public static final double DEFAULT_LR = 1e-3;

  private boolean amsgrad;

  public AdamConfig() {
    this(DEFAULT_LR, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, false);
  }

  public AdamConfig(double lr, double beta1, double beta2, double eps, boolean amsgrad) {
    super(lr, beta1, beta2, eps);
    this.amsgrad = amsgrad;
  }

  @Override
  protected List<Object> moreHyperparameters() {
    return List.of(amsgrad);
  }

  public boolean isAmsgrad() {
    return amsgrad;
  }

  public void setAmsgrad(boolean amsgrad) {
    this.amsgrad = amsgrad;
  }
}
