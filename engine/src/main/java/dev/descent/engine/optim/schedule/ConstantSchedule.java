package dev.descent.engine.optim.schedule;

import java.util.List;

/** The base learning rate {@code η₀} at every step. */
public final class ConstantSchedule extends UnitSchedule {
  private double lr;

  private ConstantSchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public ConstantSchedule(double lr, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
  }

  @Override
  public double value(int t) {
    return lr;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr);
  }

  public double getLr() {
    return lr;
  }
}
