package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Linear warmup before any other schedule (Goyal et al. 2017, "Accurate, Large Minibatch SGD", §2.2): for
 * {@code t < w}, {@code η(0) · (s + (1 − s) · t / w)} with {@code s} the start factor and {@code η} the wrapped
 * schedule; from {@code t = w} on, {@code η(t − w)} (the wrapped schedule starts when the warmup ends). Both use the
 * same unit.
 */
public final class WarmupSchedule extends UnitSchedule {
  private int warmupSteps;
  private double startFactor;
  private UnitSchedule after;

  private WarmupSchedule() {
    super(ScheduleUnit.ITERATION);
  }

  public WarmupSchedule(int warmupSteps, double startFactor, UnitSchedule after) {
    super(after.getUnit());
    this.warmupSteps = warmupSteps;
    this.startFactor = startFactor;
    this.after = after;
  }

  @Override
  public double value(int t) {
    if (t >= warmupSteps) {
      return after.value(t - warmupSteps);
    }
    return after.value(0) * (startFactor + (1 - startFactor) * t / warmupSteps);
  }

  @Override
  public WarmupSchedule clone() {
    WarmupSchedule copy = (WarmupSchedule) super.clone();
    copy.after = after.clone();
    return copy;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(warmupSteps, startFactor, after);
  }
}
