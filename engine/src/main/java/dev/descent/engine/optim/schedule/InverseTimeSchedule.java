package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Inverse-time decay (Keras' {@code InverseTimeDecay}; Bottou 2012, "Stochastic Gradient Descent Tricks",
 * eq. 10): {@code η₀ / (1 + decay_rate · t / decay_steps)}.
 */
public final class InverseTimeSchedule extends LrSchedule {
  private double decayRate;
  private double decaySteps;

  private InverseTimeSchedule() {}

  public InverseTimeSchedule(double lr, double decayRate, double decaySteps, ScheduleUnit unit) {
    super(unit, lr);
    this.decayRate = decayRate;
    this.decaySteps = decaySteps;
  }

  @Override
  public double value(int t) {
    return getLr() / (1 + decayRate * t / decaySteps);
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(decayRate, decaySteps);
  }
}
