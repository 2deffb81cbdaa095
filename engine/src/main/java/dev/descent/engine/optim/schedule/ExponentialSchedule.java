package dev.descent.engine.optim.schedule;

import java.util.List;

/** PyTorch's {@code ExponentialLR}: {@code η₀ · γᵗ}. */
public final class ExponentialSchedule extends UnitSchedule {
  private double lr;
  private double gamma;

  private ExponentialSchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public ExponentialSchedule(double lr, double gamma, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
    this.gamma = gamma;
  }

  @Override
  public double value(int t) {
    return lr * Math.pow(gamma, t);
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr, gamma);
  }

  public double getLr() {
    return lr;
  }

  public double getGamma() {
    return gamma;
  }
}
