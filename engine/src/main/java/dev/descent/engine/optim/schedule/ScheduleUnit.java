package dev.descent.engine.optim.schedule;

/** What a schedule's step {@code t} counts: DL4J iterations (parameter updates) or epochs, both 0-based. */
public enum ScheduleUnit {
  ITERATION,
  EPOCH;

  int pick(int iteration, int epoch) {
    return this == EPOCH ? epoch : iteration;
  }
}
