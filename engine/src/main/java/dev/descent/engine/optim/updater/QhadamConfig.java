package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * QHAdam as in facebookresearch/qhoptim (Ma, Yarats 2019, "Quasi-hyperbolic momentum and Adam for deep learning",
 * Algorithm 2): with {@code w_t = 1 + β w_{t-1}} ({@code w_0 = 0}) for each β and {@code β'_t = 1 − 1/w_t},
 * {@code m_t = β₁' m_{t-1} + (1 − β₁') g_t}, {@code v_t = β₂' v_{t-1} + (1 − β₂') g_t²}; the update is
 * {@code lr · ((1 − ν₁) g_t + ν₁ m_t) / (√((1 − ν₂) g_t² + ν₂ v_t) + eps)}.
 */
public class QhadamConfig extends BetasConfig {
  public static final double DEFAULT_LR = 1e-3;
  public static final double DEFAULT_QH_BETA1 = 0.995;
  public static final double DEFAULT_NU1 = 0.7;
  public static final double DEFAULT_NU2 = 1.0;

  private double nu1 = DEFAULT_NU1;
  private double nu2 = DEFAULT_NU2;

  public QhadamConfig() {
    this(DEFAULT_LR, DEFAULT_QH_BETA1, DEFAULT_BETA2, DEFAULT_NU1, DEFAULT_NU2, DEFAULT_EPS);
  }

  public QhadamConfig(double lr, double beta1, double beta2, double nu1, double nu2, double eps) {
    super(lr, beta1, beta2, eps);
    this.nu1 = nu1;
    this.nu2 = nu2;
  }

  @Override
  protected List<Object> moreHyperparameters() {
    return List.of(nu1, nu2);
  }

  public double getNu1() {
    return nu1;
  }

  public void setNu1(double nu1) {
    this.nu1 = nu1;
  }

  public double getNu2() {
    return nu2;
  }

  public void setNu2(double nu2) {
    this.nu2 = nu2;
  }
}
