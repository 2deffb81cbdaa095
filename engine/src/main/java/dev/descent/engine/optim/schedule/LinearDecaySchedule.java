package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * The seed text's linear decay (Goodfellow et al. 2016, "Deep Learning", eq. 8.14):
 * {@code ε_t = (1 − t/τ)ε₀ + (t/τ)ε_τ} for {@code t < τ}, then {@code ε_τ}.
 */
public final class LinearDecaySchedule extends LrSchedule {
  private double lrEnd;
  private int tau;

  private LinearDecaySchedule() {}

  public LinearDecaySchedule(double lr, double lrEnd, int tau, ScheduleUnit unit) {
    super(unit, lr);
    this.lrEnd = lrEnd;
    this.tau = tau;
  }

  @Override
  public double value(int t) {
    if (t >= tau) {
      return lrEnd;
    }
    double alpha = (double) t / tau;
    return (1 - alpha) * getLr() + alpha * lrEnd;
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(lrEnd, tau);
  }
}
