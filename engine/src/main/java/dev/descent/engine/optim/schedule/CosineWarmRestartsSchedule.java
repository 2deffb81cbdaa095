package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * SGDR, cosine annealing with warm restarts (Loshchilov, Hutter 2017, eq. 5; PyTorch's
 * {@code CosineAnnealingWarmRestarts}): periods {@code T_i = T_0 · T_mult^i}; within a period
 * {@code η_min + (η₀ − η_min)(1 + cos(π T_cur / T_i)) / 2}, {@code T_cur} the steps since the last restart.
 */
public final class CosineWarmRestartsSchedule extends LrSchedule {
  private double etaMin;
  private int t0;
  private int tMult;

  private CosineWarmRestartsSchedule() {}

  public CosineWarmRestartsSchedule(double lr, double etaMin, int t0, int tMult, ScheduleUnit unit) {
    super(unit, lr);
    this.etaMin = etaMin;
    this.t0 = t0;
    this.tMult = tMult;
  }

  @Override
  public double value(int t) {
    long period = t0;
    long current = t;
    while (current >= period) {
      current -= period;
      period *= tMult;
    }
    return etaMin + (getLr() - etaMin) * (1 + Math.cos(Math.PI * current / period)) / 2;
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(etaMin, t0, tMult);
  }
}
