package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * PyTorch's {@code ReduceLROnPlateau}: the training loop reports a validation metric after each epoch through
 * {@link #report(double)}; after more than {@code patience} reports without an improvement on the best value (better
 * than {@code best·(1 − threshold)} in {@code rel} mode, {@code best − threshold} in {@code abs} mode; signs flipped
 * for {@code max}) the rate becomes {@code max(lr · factor, min_lr)} and a {@code cooldown} of reports begins during
 * which bad reports are not counted. The state (current rate, best, counters) is part of the JSON, so a checkpoint
 * resumes it. DL4J gives every layer its own copy of the updater configuration: report through
 * {@link PlateauReports#report} so that every copy sees the metric.
 */
public final class ReduceOnPlateauSchedule extends UnitSchedule {
  private boolean maximize;
  private double factor;
  private int patience;
  private double threshold;
  private boolean relative;
  private int cooldown;
  private double minLr;
  private double current;
  private double best;
  private int badReports;
  private int cooldownLeft;

  private ReduceOnPlateauSchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public ReduceOnPlateauSchedule(double lr, boolean maximize, double factor, int patience, double threshold,
      boolean relative, int cooldown, double minLr) {
    super(ScheduleUnit.EPOCH);
    this.maximize = maximize;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.relative = relative;
    this.cooldown = cooldown;
    this.minLr = minLr;
    this.current = lr;
    this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** Feeds one validation metric (once per epoch); returns the learning rate from now on. */
  public double report(double metric) {
    if (isBetter(metric)) {
      best = metric;
      badReports = 0;
    } else {
      badReports++;
    }
    if (cooldownLeft > 0) {
      cooldownLeft--;
      badReports = 0;
    }
    if (badReports > patience) {
      current = Math.max(current * factor, minLr);
      cooldownLeft = cooldown;
      badReports = 0;
    }
    return current;
  }

  private boolean isBetter(double metric) {
    if (maximize) {
      return relative ? metric > best * (1 + threshold) : metric > best + threshold;
    }
    return relative ? metric < best * (1 - threshold) : metric < best - threshold;
  }

  @Override
  public double value(int t) {
    return current;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(maximize, factor, patience, threshold, relative, cooldown, minLr, current, best, badReports,
        cooldownLeft);
  }

  public double getCurrent() {
    return current;
  }
}
