package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * Delta-bar-delta (Jacobs 1988, "Increased Rates of Convergence Through Learning Rate Adaptation", eqs. 4–5), one
 * rate per parameter, exactly: with {@code δ̄_0 = 0} and rates {@code ε_0 = lr},
 * {@code ε_t = ε_{t-1} + κ} if {@code δ̄_{t-1} g_t > 0}, {@code ε_t = (1 − φ) ε_{t-1}} if {@code δ̄_{t-1} g_t < 0},
 * else {@code ε_t = ε_{t-1}}; the update is {@code ε_t g_t}; then {@code δ̄_t = (1 − θ) g_t + θ δ̄_{t-1}}.
 * {@code theta} is Jacobs' θ (the smoothing of the gradient), not the parameters.
 */
public class DeltaBarDeltaConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 1e-2;
  public static final double DEFAULT_KAPPA = 1e-4;
  public static final double DEFAULT_PHI = 0.1;
  public static final double DEFAULT_THETA = 0.7;

  private double kappa = DEFAULT_KAPPA;
  private double phi = DEFAULT_PHI;
  private double theta = DEFAULT_THETA;

  public DeltaBarDeltaConfig() {
    super(DEFAULT_LR);
  }

  public DeltaBarDeltaConfig(double lr, double kappa, double phi, double theta) {
    super(lr);
    this.kappa = kappa;
    this.phi = phi;
    this.theta = theta;
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(kappa, phi, theta);
  }

  public double getKappa() {
    return kappa;
  }

  public void setKappa(double kappa) {
    this.kappa = kappa;
  }

  public double getPhi() {
    return phi;
  }

  public void setPhi(double phi) {
    this.phi = phi;
  }

  public double getTheta() {
    return theta;
  }

  public void setTheta(double theta) {
    this.theta = theta;
  }
}
