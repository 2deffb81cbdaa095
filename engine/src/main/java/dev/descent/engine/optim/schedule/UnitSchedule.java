package dev.descent.engine.optim.schedule;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;

/**
 * Base of our JSON-safe {@link ISchedule}s: the value is a function of one 0-based step count {@code t} (iterations
 * or epochs, see {@link ScheduleUnit}). DL4J serializes schedules with their class name; ours are written and read
 * back field by field (plain values or nested schedules, private no-argument constructors for Jackson), so they
 * survive JSON and {@code ModelSerializer} round trips, unlike DL4J's {@code RampSchedule}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
    setterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class UnitSchedule implements ISchedule {
  private ScheduleUnit unit;

  protected UnitSchedule(ScheduleUnit unit) {
    this.unit = unit;
  }

  /** The value at 0-based step {@code t}. */
  public abstract double value(int t);

  /** The parameters, in a fixed order, for equality (DL4J merges layers whose updater configurations are equal). */
  protected abstract List<Object> parameters();

  @Override
  public double valueAt(int iteration, int epoch) {
    return value(unit.pick(iteration, epoch));
  }

  @Override
  public UnitSchedule clone() {
    try {
      return (UnitSchedule) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  public ScheduleUnit getUnit() {
    return unit;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((UnitSchedule) other).unit == unit
        && ((UnitSchedule) other).parameters().equals(parameters());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), unit, parameters());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + unit + ", " + parameters() + "]";
  }
}
