package dev.descent.engine.optim.schedule;

import java.util.List;

/** The base learning rate {@code η₀} at every step. */
public final class ConstantSchedule extends LrSchedule {
  private ConstantSchedule() {}

  public ConstantSchedule(double lr, ScheduleUnit unit) {
    super(unit, lr);
  }

  @Override
  public double value(int t) {
    return getLr();
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of();
  }
}
