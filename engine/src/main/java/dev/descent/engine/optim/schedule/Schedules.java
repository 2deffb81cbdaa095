package dev.descent.engine.optim.schedule;

/**
 * Builds the DL4J schedule a {@link ScheduleSpec} record describes; reads records only (they were checked when the
 * spec was read).
 */
public final class Schedules {
  private Schedules() {}

  /**
   * The schedule scaling from {@code lr} (the base rate η₀, or the base value of another hyperparameter), or null for
   * a null spec; {@code iterationsPerEpoch} converts a one-cycle schedule's {@code epochs}.
   */
  public static UnitSchedule build(ScheduleSpec spec, double lr, int iterationsPerEpoch) {
    if (spec == null) {
      return null;
    }
    if (spec instanceof ScheduleSpec.Warmup w) {
      return new WarmupSchedule(w.warmupSteps(), w.startFactor(), build(w.after(), lr, iterationsPerEpoch));
    }
    if (spec instanceof ScheduleSpec.Cyclic c) {
      return new CyclicSchedule(c.baseLr(), c.maxLr(), c.stepSizeUp(), c.stepSizeDown(), c.mode(), c.gamma(),
          c.unit());
    }
    if (spec instanceof ScheduleSpec.OneCycle o) {
      return new OneCycleSchedule(o.maxLr(), o.totalSteps(iterationsPerEpoch), o.pctStart(), o.cosine(),
          o.divFactor(), o.finalDivFactor(), o.unit());
    }
    if (spec instanceof ScheduleSpec.Plateau p) {
      return new ReduceOnPlateauSchedule(lr, p.maximize(), p.factor(), p.patience(), p.threshold(), p.relative(),
          p.cooldown(), p.minLr());
    }
    return decay(spec, lr);
  }

  private static UnitSchedule decay(ScheduleSpec spec, double lr) {
    if (spec instanceof ScheduleSpec.Linear l) {
      return new LinearDecaySchedule(lr, l.lrEnd(), l.tau(), l.unit());
    }
    if (spec instanceof ScheduleSpec.Step s) {
      return new StepDecaySchedule(lr, s.stepSize(), s.gamma(), s.unit());
    }
    if (spec instanceof ScheduleSpec.Exponential e) {
      return new ExponentialSchedule(lr, e.gamma(), e.unit());
    }
    if (spec instanceof ScheduleSpec.InverseTime i) {
      return new InverseTimeSchedule(lr, i.decayRate(), i.decaySteps(), i.unit());
    }
    if (spec instanceof ScheduleSpec.Polynomial p) {
      return new PolynomialDecaySchedule(lr, p.etaMin(), p.totalIters(), p.power(), p.unit());
    }
    if (spec instanceof ScheduleSpec.Cosine c) {
      return new CosineAnnealingSchedule(lr, c.etaMin(), c.tMax(), c.unit());
    }
    if (spec instanceof ScheduleSpec.WarmRestarts w) {
      return new CosineWarmRestartsSchedule(lr, w.etaMin(), w.t0(), w.tMult(), w.unit());
    }
    return new ConstantSchedule(lr, ((ScheduleSpec.Constant) spec).unit());
  }
}
