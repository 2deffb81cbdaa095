package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Cyclical learning rates (Smith 2017, "Cyclical Learning Rates for Training Neural Networks", §3.1; PyTorch's
 * {@code CyclicLR}): with cycle length {@code L = up + down}, {@code c = ⌊1 + t/L⌋}, {@code x = 1 + t/L − c}, the
 * scale {@code s = x/r} if {@code x ≤ r = up/L}, else {@code (x − 1)/(r − 1)}; the value is
 * {@code base + (max − base) · s · a}, with amplitude {@code a = 1} (triangular), {@code 1/2^{c−1}} (triangular2)
 * or {@code γᵗ} (exp_range).
 */
public final class CyclicSchedule extends UnitSchedule {
  /** The amplitude policies. */
  public enum Mode {
    TRIANGULAR,
    TRIANGULAR2,
    EXP_RANGE
  }

  private double baseLr;
  private double maxLr;
  private int stepSizeUp;
  private int stepSizeDown;
  private Mode mode;
  private double gamma;

  private CyclicSchedule() {
    super(ScheduleUnit.ITERATION);
  }

  public CyclicSchedule(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, Mode mode, double gamma,
      ScheduleUnit unit) {
    super(unit);
    this.baseLr = baseLr;
    this.maxLr = maxLr;
    this.stepSizeUp = stepSizeUp;
    this.stepSizeDown = stepSizeDown;
    this.mode = mode;
    this.gamma = gamma;
  }

  @Override
  public double value(int t) {
    double total = stepSizeUp + stepSizeDown;
    double ratio = stepSizeUp / total;
    double cycle = Math.floor(1 + t / total);
    double x = 1.0 + t / total - cycle;
    double scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    double amplitude = switch (mode) {
      case TRIANGULAR -> 1.0;
      case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
      case EXP_RANGE -> Math.pow(gamma, t);
    };
    return baseLr + (maxLr - baseLr) * scale * amplitude;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(baseLr, maxLr, stepSizeUp, stepSizeDown, mode, gamma);
  }
}
