package dev.descent.engine.optim.schedule;

import java.util.List;

/**
 * The one-cycle policy (Smith, Topin 2019, "Super-Convergence", §3; PyTorch's {@code OneCycleLR}, two phases): from
 * {@code initial = max/div_factor} up to {@code max} over steps {@code 0 … p·T − 1}, then down to
 * {@code initial/final_div_factor} at step {@code T − 1}, each phase annealed by cosine
 * {@code end + (start − end)(1 + cos(π·pct))/2} or linearly {@code start + pct·(end − start)}.
 */
public final class OneCycleSchedule extends UnitSchedule {
  private double maxLr;
  private int totalSteps;
  private double pctStart;
  private boolean cosine;
  private double divFactor;
  private double finalDivFactor;

  private OneCycleSchedule() {
    super(ScheduleUnit.ITERATION);
  }

  public OneCycleSchedule(double maxLr, int totalSteps, double pctStart, boolean cosine, double divFactor,
      double finalDivFactor, ScheduleUnit unit) {
    super(unit);
    this.maxLr = maxLr;
    this.totalSteps = totalSteps;
    this.pctStart = pctStart;
    this.cosine = cosine;
    this.divFactor = divFactor;
    this.finalDivFactor = finalDivFactor;
  }

  @Override
  public double value(int t) {
    double initial = maxLr / divFactor;
    double peakStep = pctStart * totalSteps - 1;
    double lastStep = totalSteps - 1;
    if (t <= peakStep) {
      return anneal(initial, maxLr, t / peakStep);
    }
    double pct = Math.min(1.0, (t - peakStep) / (lastStep - peakStep));
    return anneal(maxLr, initial / finalDivFactor, pct);
  }

  private double anneal(double start, double end, double pct) {
    return cosine ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
  }

  @Override
  protected List<Object> parameters() {
    return List.of(maxLr, totalSteps, pctStart, cosine, divFactor, finalDivFactor);
  }

  public boolean isCosine() {
    return cosine;
  }
}
