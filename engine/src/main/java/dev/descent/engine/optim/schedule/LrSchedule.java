package dev.descent.engine.optim.schedule;

import java.util.ArrayList;
import java.util.List;

/** A schedule defined from an initial learning rate {@code lr} (the value at {@code t = 0} or the scale). */
public abstract class LrSchedule extends UnitSchedule {
  private double lr;

  /** For JSON: the fields are read back into an instance made with this. */
  protected LrSchedule() {
    this(ScheduleUnit.EPOCH, 0);
  }

  protected LrSchedule(ScheduleUnit unit, double lr) {
    super(unit);
    this.lr = lr;
  }

  /** {@code lr}, then the subclass's {@link #moreParameters()}. */
  @Override
  protected final List<Object> parameters() {
    List<Object> all = new ArrayList<>(List.of(lr));
    all.addAll(moreParameters());
    return all;
  }

  /** The parameters besides {@code lr}, in a fixed order. */
  protected abstract List<Object> moreParameters();

  public double getLr() {
    return lr;
  }
}
