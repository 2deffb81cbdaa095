package dev.descent.engine.optim.updater;

import java.util.List;

/**
 * PyTorch's {@code torch.optim.Rprop} (Riedmiller, Braun 1993, "A Direct Adaptive Method for Faster Backpropagation
 * Learning: The RPROP Algorithm", in PyTorch's variant): per parameter, with {@code s = g_t · g_{t-1}}, the step size
 * {@code Δ_t = clamp(Δ_{t-1} · (η₊ if s > 0, η₋ if s < 0, 1 otherwise), Δ_min, Δ_max)} starting at {@code lr};
 * where {@code s < 0} the gradient is taken as 0 (and remembered as 0); the update is {@code sign(g_t) · Δ_t}.
 */
public class RpropConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 1e-2;
  public static final double DEFAULT_ETA_MINUS = 0.5;
  public static final double DEFAULT_ETA_PLUS = 1.2;
  public static final double DEFAULT_STEP_MIN = 1e-6;
  public static final double DEFAULT_STEP_MAX = 50.0;

  private double etaMinus = DEFAULT_ETA_MINUS;
  private double etaPlus = DEFAULT_ETA_PLUS;
  private double stepMin = DEFAULT_STEP_MIN;
  private double stepMax = DEFAULT_STEP_MAX;

  public RpropConfig() {
    super(DEFAULT_LR);
  }

  public RpropConfig(double lr, double etaMinus, double etaPlus, double stepMin, double stepMax) {
    super(lr);
    this.etaMinus = etaMinus;
    this.etaPlus = etaPlus;
    this.stepMin = stepMin;
    this.stepMax = stepMax;
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(etaMinus, etaPlus, stepMin, stepMax);
  }

  public double getEtaMinus() {
    return etaMinus;
  }

  public void setEtaMinus(double etaMinus) {
    this.etaMinus = etaMinus;
  }

  public double getEtaPlus() {
    return etaPlus;
  }

  public void setEtaPlus(double etaPlus) {
    this.etaPlus = etaPlus;
  }

  public double getStepMin() {
    return stepMin;
  }

  public void setStepMin(double stepMin) {
    this.stepMin = stepMin;
  }

  public double getStepMax() {
    return stepMax;
  }

  public void setStepMax(double stepMax) {
    this.stepMax = stepMax;
  }
}
