package dev.descent.engine.optim.schedule;

import dev.descent.engine.validation.SpecFields;

/** Readers of the closed-form decay schedules into their records (fields and defaults: {@link ScheduleSpecs}). */
final class DecayReaders {
  static final double DEFAULT_LINEAR_END_FRACTION = 0.01;
  static final double DEFAULT_STEP_GAMMA = 0.1;
  static final double DEFAULT_POWER = 1.0;
  private static final String POSITIVE = "> 0";
  private static final String NON_NEGATIVE = "≥ 0";

  private DecayReaders() {}

  static ScheduleSpec constant(SpecFields f, double lr, int iterationsPerEpoch) {
    return new ScheduleSpec.Constant(ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec linear(SpecFields f, double lr, int iterationsPerEpoch) {
    int tau = f.integer("tau", 0, 1);
    double end = f.number("lr_end", lr * DEFAULT_LINEAR_END_FRACTION, v -> v >= 0, NON_NEGATIVE);
    return new ScheduleSpec.Linear(tau, end, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec step(SpecFields f, double lr, int iterationsPerEpoch) {
    int stepSize = f.integer("step_size", 0, 1);
    double gamma = f.number("gamma", DEFAULT_STEP_GAMMA, v -> v > 0, POSITIVE);
    return new ScheduleSpec.Step(stepSize, gamma, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec exponential(SpecFields f, double lr, int iterationsPerEpoch) {
    double gamma = f.required("gamma", v -> v > 0, POSITIVE);
    return new ScheduleSpec.Exponential(gamma, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec inverseTime(SpecFields f, double lr, int iterationsPerEpoch) {
    double rate = f.required("decay_rate", v -> v >= 0, NON_NEGATIVE);
    double steps = f.number("decay_steps", 1.0, v -> v > 0, POSITIVE);
    return new ScheduleSpec.InverseTime(rate, steps, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec polynomial(SpecFields f, double lr, int iterationsPerEpoch) {
    int total = f.integer("total_iters", 0, 1);
    double power = f.number("power", DEFAULT_POWER, v -> v > 0, POSITIVE);
    double etaMin = etaMin(f, lr);
    return new ScheduleSpec.Polynomial(total, power, etaMin, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec cosine(SpecFields f, double lr, int iterationsPerEpoch) {
    int tMax = f.integer("T_max", 0, 1);
    return new ScheduleSpec.Cosine(tMax, etaMin(f, lr), ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  static ScheduleSpec warmRestarts(SpecFields f, double lr, int iterationsPerEpoch) {
    int t0 = f.integer("T_0", 0, 1);
    int tMult = f.integer("T_mult", 1, 1);
    double etaMin = etaMin(f, lr);
    return new ScheduleSpec.WarmRestarts(t0, tMult, etaMin, ScheduleSpecs.unit(f, ScheduleUnit.EPOCH));
  }

  private static double etaMin(SpecFields f, double lr) {
    return f.number("eta_min", 0.0, v -> v >= 0 && v <= lr, "in [0, lr]");
  }
}
