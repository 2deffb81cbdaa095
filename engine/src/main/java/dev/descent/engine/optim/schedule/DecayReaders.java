package dev.descent.engine.optim.schedule;

import dev.descent.engine.validation.SpecFields;

/** Readers of the closed-form decay schedules (see {@link ScheduleSpecs} for fields and defaults). */
final class DecayReaders {
  static final double DEFAULT_LINEAR_END_FRACTION = 0.01;
  static final double DEFAULT_STEP_GAMMA = 0.1;
  static final double DEFAULT_POWER = 1.0;
  private static final String POSITIVE = "> 0";
  private static final String NON_NEGATIVE = "≥ 0";

  private DecayReaders() {}

  static UnitSchedule constant(SpecFields f, double lr, int iterationsPerEpoch) {
    return new ConstantSchedule(lr, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule linear(SpecFields f, double lr, int iterationsPerEpoch) {
    int tau = f.integer("tau", 0, 1);
    double end = f.number("lr_end", lr * DEFAULT_LINEAR_END_FRACTION, v -> v >= 0, NON_NEGATIVE);
    return new LinearDecaySchedule(lr, end, tau, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule step(SpecFields f, double lr, int iterationsPerEpoch) {
    int stepSize = f.integer("step_size", 0, 1);
    double gamma = f.number("gamma", DEFAULT_STEP_GAMMA, v -> v > 0, POSITIVE);
    return new StepDecaySchedule(lr, stepSize, gamma, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule exponential(SpecFields f, double lr, int iterationsPerEpoch) {
    double gamma = f.required("gamma", v -> v > 0, POSITIVE);
    return new ExponentialSchedule(lr, gamma, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule inverseTime(SpecFields f, double lr, int iterationsPerEpoch) {
    double rate = f.required("decay_rate", v -> v >= 0, NON_NEGATIVE);
    double steps = f.number("decay_steps", 1.0, v -> v > 0, POSITIVE);
    return new InverseTimeSchedule(lr, rate, steps, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule polynomial(SpecFields f, double lr, int iterationsPerEpoch) {
    int total = f.integer("total_iters", 0, 1);
    double power = f.number("power", DEFAULT_POWER, v -> v > 0, POSITIVE);
    double etaMin = etaMin(f, lr);
    return new PolynomialDecaySchedule(lr, etaMin, total, power, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule cosine(SpecFields f, double lr, int iterationsPerEpoch) {
    int tMax = f.integer("T_max", 0, 1);
    return new CosineAnnealingSchedule(lr, etaMin(f, lr), tMax, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static UnitSchedule warmRestarts(SpecFields f, double lr, int iterationsPerEpoch) {
    int t0 = f.integer("T_0", 0, 1);
    int tMult = f.integer("T_mult", 1, 1);
    double etaMin = etaMin(f, lr);
    return new CosineWarmRestartsSchedule(lr, etaMin, t0, tMult, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  private static double etaMin(SpecFields f, double lr) {
    return f.number("eta_min", 0.0, v -> v >= 0 && v <= lr, "in [0, lr]");
  }
}
