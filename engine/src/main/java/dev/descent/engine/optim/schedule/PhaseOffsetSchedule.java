package dev.descent.engine.optim.schedule;

import java.util.List;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A schedule restarted at a phase's start: {@code inner(t − offset)} ({@code inner(0)} before it), {@code offset}
 * being the phase's first iteration or epoch in the schedule's unit. DL4J hands schedules the network's global
 * iteration and epoch counts; a phase's schedule counts from the phase's start.
 */
public final class PhaseOffsetSchedule extends UnitSchedule {
  private int offset;
  private UnitSchedule inner;

  private PhaseOffsetSchedule() {
    super(ScheduleUnit.ITERATION);
  }

  private PhaseOffsetSchedule(UnitSchedule inner, int offset) {
    super(inner.getUnit());
    this.inner = inner;
    this.offset = offset;
  }

  /**
   * {@code schedule} started at iteration {@code firstIteration} / epoch {@code firstEpoch} (whichever its unit
   * counts); a schedule that is not one of ours, or one starting at 0, is returned as it is.
   */
  public static ISchedule startingAt(ISchedule schedule, long firstIteration, int firstEpoch) {
    if (!(schedule instanceof UnitSchedule unit)) {
      return schedule;
    }
    int offset = unit.getUnit() == ScheduleUnit.ITERATION ? Math.toIntExact(firstIteration) : firstEpoch;
    return offset == 0 ? schedule : new PhaseOffsetSchedule(unit, offset);
  }

  @Override
  public double value(int t) {
    return inner.value(Math.max(0, t - offset));
  }

  @Override
  public PhaseOffsetSchedule clone() {
    PhaseOffsetSchedule copy = (PhaseOffsetSchedule) super.clone();
    copy.inner = inner.clone();
    return copy;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(offset, inner);
  }
}
