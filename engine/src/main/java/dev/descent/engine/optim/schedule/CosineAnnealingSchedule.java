package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * Cosine annealing (Loshchilov, Hutter 2017, "SGDR", eq. 5, without restarts; PyTorch's
 * {@code CosineAnnealingLR} closed form): {@code η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2}.
 */
public final class CosineAnnealingSchedule extends UnitSchedule {
  private double lr;
  private double etaMin;
  private int tMax;

  private CosineAnnealingSchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public CosineAnnealingSchedule(double lr, double etaMin, int tMax, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
    this.etaMin = etaMin;
    this.tMax = tMax;
  }

  @Override
  public double value(int t) {
    return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr, etaMin, tMax);
  }

  public double getLr() {
    return lr;
  }

  public double getEtaMin() {
    return etaMin;
  }

  public int getTMax() {
    return tMax;
  }
}
