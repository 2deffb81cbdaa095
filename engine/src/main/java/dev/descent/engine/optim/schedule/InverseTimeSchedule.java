package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Inverse-time decay (Keras' {@code InverseTimeDecay}; Bottou 2012, "Stochastic Gradient Descent Tricks",
 * eq. 10): {@code η₀ / (1 + decay_rate · t / decay_steps)}.
 */
public final class InverseTimeSchedule extends UnitSchedule {
  private double lr;
  private double decayRate;
  private double decaySteps;

  private InverseTimeSchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public InverseTimeSchedule(double lr, double decayRate, double decaySteps, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
    this.decayRate = decayRate;
    this.decaySteps = decaySteps;
  }

  @Override
  public double value(int t) {
    return lr / (1 + decayRate * t / decaySteps);
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr, decayRate, decaySteps);
  }

  public double getLr() {
    return lr;
  }

  public double getDecayRate() {
    return decayRate;
  }

  public double getDecaySteps() {
    return decaySteps;
  }
}
