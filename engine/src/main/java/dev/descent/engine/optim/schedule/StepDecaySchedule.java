package dev.descent.engine.optim.schedule;

import java.util.List;

/** PyTorch's {@code StepLR}: {@code η₀ · γ^⌊t / step_size⌋}. */
public final class StepDecaySchedule extends LrSchedule {
  private int stepSize;
  private double gamma;

  private StepDecaySchedule() {}

  public StepDecaySchedule(double lr, int stepSize, double gamma, ScheduleUnit unit) {
    super(unit, lr);
    this.stepSize = stepSize;
    this.gamma = gamma;
  }

  @Override
  public double value(int t) {
    return getLr() * Math.pow(gamma, Math.floorDiv(t, stepSize));
  }

  @Override
  protected List<Object> moreParameters() {
    return List.of(stepSize, gamma);
  }
}
