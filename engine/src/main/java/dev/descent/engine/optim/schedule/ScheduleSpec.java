package dev.descent.engine.optim.schedule;

/**
 * A spec's {@code schedule} object (or SGD's {@code momentum_schedule}) as read by {@link ScheduleSpecs#read}: one
 * immutable record per type, every default filled in (those that follow the base rate η₀ resolved against it), every
 * value already checked. {@link Schedules#build} turns a record into the DL4J schedule; fields and defaults are listed
 * in {@link ScheduleSpecs}.
 */
public sealed interface ScheduleSpec {
  /** The learning rate η₀ throughout. */
  record Constant(ScheduleUnit unit) implements ScheduleSpec {}

  /** From η₀ to {@code lrEnd} in {@code tau} units, then constant. */
  record Linear(int tau, double lrEnd, ScheduleUnit unit) implements ScheduleSpec {}

  /** η₀·gamma^⌊t/stepSize⌋. */
  record Step(int stepSize, double gamma, ScheduleUnit unit) implements ScheduleSpec {}

  /** η₀·gamma^t. */
  record Exponential(double gamma, ScheduleUnit unit) implements ScheduleSpec {}

  /** η₀ / (1 + decayRate·t/decaySteps). */
  record InverseTime(double decayRate, double decaySteps, ScheduleUnit unit) implements ScheduleSpec {}

  /** From η₀ to {@code etaMin} along (1 − t/totalIters)^power. */
  record Polynomial(int totalIters, double power, double etaMin, ScheduleUnit unit) implements ScheduleSpec {}

  /** Cosine annealing from η₀ to {@code etaMin} over {@code tMax} units. */
  record Cosine(int tMax, double etaMin, ScheduleUnit unit) implements ScheduleSpec {}

  /** SGDR: cosine annealing restarted after {@code t0}, then {@code t0·tMult}, … units. */
  record WarmRestarts(int t0, int tMult, double etaMin, ScheduleUnit unit) implements ScheduleSpec {}

  /** A linear warmup from {@code startFactor}·η₀ over {@code warmupSteps}, then {@code after} (never a plateau). */
  record Warmup(int warmupSteps, double startFactor, ScheduleSpec after) implements ScheduleSpec {}

  /** Cyclical learning rates between {@code baseLr} and {@code maxLr}. */
  record Cyclic(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, CyclicSchedule.Mode mode, double gamma,
      ScheduleUnit unit) implements ScheduleSpec {}

  /**
   * The one-cycle policy over {@code totalSteps}, or over {@code epochs} × the iterations of an epoch when
   * {@code epochs} > 0 (known only when the training loop builds it).
   */
  record OneCycle(double maxLr, int totalSteps, int epochs, double pctStart, boolean cosine, double divFactor,
      double finalDivFactor, ScheduleUnit unit) implements ScheduleSpec {
    /** The length of the cycle in iterations for epochs of {@code iterationsPerEpoch}. */
    public int totalSteps(int iterationsPerEpoch) {
      return epochs > 0 ? epochs * iterationsPerEpoch : totalSteps;
    }
  }

  /** PyTorch's {@code ReduceLROnPlateau}, fed once per epoch by the training loop ({@link PlateauReports}). */
  record Plateau(boolean maximize, double factor, int patience, double threshold, boolean relative, int cooldown,
      double minLr) implements ScheduleSpec {}
}
