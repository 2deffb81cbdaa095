package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Cosine annealing (Loshchilov, Hutter 2017, "SGDR", eq. 5, without restarts; PyTorch's
 * {@code CosineAnnealingLR} closed form): {@code η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2}.
 */
public final class CosineAnnealingSchedule extends LrSchedule {
  private double etaMin;
  private int tMax;

  private CosineAnnealingSchedule() {}

  public CosineAnnealingSchedule(double lr, double etaMin, int tMax, ScheduleUnit unit) {
    super(unit, lr);
    this.etaMin = etaMin;
    this.tMax = tMax;
  }

  @Override
  public double value(int t) {
    return etaMin + (getLr() - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(etaMin, tMax);
  }
}
