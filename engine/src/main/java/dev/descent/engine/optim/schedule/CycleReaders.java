package dev.descent.engine.optim.schedule;

import dev.descent.engine.validation.SpecFields;
import java.util.List;
import java.util.Locale;

/**
 * Readers of the cyclic, one-cycle and plateau schedules into their records (fields and defaults:
 * {@link ScheduleSpecs}).
 */
final class CycleReaders {
  static final int DEFAULT_STEP_SIZE_UP = 2000;
  static final double DEFAULT_PCT_START = 0.3;
  static final double DEFAULT_DIV_FACTOR = 25.0;
  static final double DEFAULT_FINAL_DIV_FACTOR = 1e4;
  static final double DEFAULT_PLATEAU_FACTOR = 0.1;
  static final int DEFAULT_PATIENCE = 10;
  static final double DEFAULT_THRESHOLD = 1e-4;

  private CycleReaders() {}

  static ScheduleSpec cyclic(SpecFields f, double lr, int iterationsPerEpoch) {
    double base = f.number("base_lr", lr, v -> v >= 0, "≥ 0");
    double max = f.required("max_lr", v -> v >= base, "≥ base_lr");
    int up = f.integer("step_size_up", DEFAULT_STEP_SIZE_UP, 1);
    int down = f.integer("step_size_down", up, 1);
    String mode = f.text("mode", "triangular", List.of("triangular", "triangular2", "exp_range"));
    double gamma = f.number("gamma", 1.0, v -> v > 0 && v <= 1, "in (0, 1]");
    CyclicSchedule.Mode parsed = CyclicSchedule.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    return new ScheduleSpec.Cyclic(base, max, up, down, parsed, gamma, ScheduleSpecs.unit(f, ScheduleUnit.ITERATION));
  }

  static ScheduleSpec oneCycle(SpecFields f, double lr, int iterationsPerEpoch) {
    double max = f.number("max_lr", lr, v -> v > 0, "> 0");
    int epochs = epochs(f);
    int total = epochs > 0 ? epochs * iterationsPerEpoch : f.integer("total_steps", 0, 2);
    double pct = f.number("pct_start", DEFAULT_PCT_START, v -> v > 0 && v < 1, "in (0, 1)");
    if (pct * total < 2) {
      f.fail("pct_start", "pct_start × total_steps must be at least 2");
    }
    boolean cosine = f.text("anneal_strategy", "cos", List.of("cos", "linear")).equals("cos");
    double div = f.number("div_factor", DEFAULT_DIV_FACTOR, v -> v >= 1, "≥ 1");
    double finalDiv = f.number("final_div_factor", DEFAULT_FINAL_DIV_FACTOR, v -> v >= 1, "≥ 1");
    return new ScheduleSpec.OneCycle(max, epochs > 0 ? 0 : total, epochs, pct, cosine, div, finalDiv,
        ScheduleSpecs.unit(f, ScheduleUnit.ITERATION));
  }

  /** One-cycle's {@code epochs} when given instead of {@code total_steps}, else 0. */
  private static int epochs(SpecFields f) {
    if (f.node("epochs") != null && f.node("total_steps") == null) {
      return f.integer("epochs", 0, 1);
    }
    if (f.node("epochs") != null) {
      f.fail("epochs", "give total_steps or epochs, not both");
    }
    return 0;
  }

  static ScheduleSpec plateau(SpecFields f, double lr, int iterationsPerEpoch) {
    boolean maximize = f.text("mode", "min", List.of("min", "max")).equals("max");
    double factor = f.number("factor", DEFAULT_PLATEAU_FACTOR, v -> v > 0 && v < 1, "in (0, 1)");
    int patience = f.integer("patience", DEFAULT_PATIENCE, 0);
    double threshold = f.number("threshold", DEFAULT_THRESHOLD, v -> v >= 0, "≥ 0");
    boolean relative = f.text("threshold_mode", "rel", List.of("rel", "abs")).equals("rel");
    int cooldown = f.integer("cooldown", 0, 0);
    double minLr = f.number("min_lr", 0.0, v -> v >= 0, "≥ 0");
    return new ScheduleSpec.Plateau(maximize, factor, patience, threshold, relative, cooldown, minLr);
  }
}
