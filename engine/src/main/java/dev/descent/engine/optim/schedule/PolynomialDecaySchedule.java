package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Polynomial decay, decreasing from {@code η₀} to {@code eta_min} over {@code total_iters} steps (PyTorch's
 * {@code PolynomialLR} with a floor, Keras' {@code PolynomialDecay}):
 * {@code (η₀ − η_min)(1 − min(t, T)/T)^power + η_min}.
 */
public final class PolynomialDecaySchedule extends LrSchedule {
  private double etaMin;
  private int totalIters;
  private double power;

  private PolynomialDecaySchedule() {}

  public PolynomialDecaySchedule(double lr, double etaMin, int totalIters, double power, ScheduleUnit unit) {
    super(unit, lr);
    this.etaMin = etaMin;
    this.totalIters = totalIters;
    this.power = power;
  }

  @Override
  public double value(int t) {
    double remaining = 1.0 - (double) Math.min(t, totalIters) / totalIters;
    return (getLr() - etaMin) * Math.pow(remaining, power) + etaMin;
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(etaMin, totalIters, power);
  }
}
