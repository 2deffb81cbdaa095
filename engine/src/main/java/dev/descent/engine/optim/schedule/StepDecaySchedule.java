package dev.descent.engine.optim.schedule;

import java.util.List;

/** PyTorch's {@code StepLR}: {@code η₀ · γ^⌊t / step_size⌋}. */
public final class StepDecaySchedule extends UnitSchedule {
  private double lr;
  private int stepSize;
  private double gamma;

  private StepDecaySchedule() {
    super(ScheduleUnit.EPOCH);
  }

  public StepDecaySchedule(double lr, int stepSize, double gamma, ScheduleUnit unit) {
    super(unit);
    this.lr = lr;
    this.stepSize = stepSize;
    this.gamma = gamma;
  }

  @Override
  public double value(int t) {
    return lr * Math.pow(gamma, Math.floorDiv(t, stepSize));
  }

  @Override
  protected List<Object> parameters() {
    return List.of(lr, stepSize, gamma);
  }

  public double getLr() {
    return lr;
  }

  public int getStepSize() {
    return stepSize;
  }

  public double getGamma() {
    return gamma;
  }
}
