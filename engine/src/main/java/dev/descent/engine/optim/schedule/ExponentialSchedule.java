package dev.descent.engine.optim.schedule;

import java.util.List;

/** PyTorch's {@code ExponentialLR}: {@code η₀ · γᵗ}. */
public final class ExponentialSchedule extends LrSchedule {
  private double gamma;

  private ExponentialSchedule() {}

  public ExponentialSchedule(double lr, double gamma, ScheduleUnit unit) {
    super(unit, lr);
    this.gamma = gamma;
  }

  @Override
  public double value(int t) {
    return getLr() * Math.pow(gamma, t);
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(gamma);
  }
}
