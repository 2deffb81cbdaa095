package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * The seed text's linear decay (Goodfellow et al. 2016, "Deep Learning", eq. 8.14):
 * {@code ε_t = (1 − t/τ)ε₀ + (t/τ)ε_τ} for {@code t < τ}, then {@code ε_τ}.
 */
public final class LinearDecaySchedule extends UnitSchedule {
  private double lr;
  private double lrEnd;
  private int tau;

  private LinearDecaySchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public LinearDecaySchedule(double lr, double lrEnd, int tau, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
    this.lrEnd = lrEnd;
    this.tau = tau;
  }

  @Override
  public double value(int t) {
    if (t >= tau) {
      return lrEnd;
    }
    double alpha = (double) t / tau;
    return (1 - alpha) * lr + alpha * lrEnd;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr, lrEnd, tau);
  }

  public double getLr() {
    return lr;
  }

  public double getLrEnd() {
    return lrEnd;
  }

  public int getTau() {
    return tau;
  }
}
