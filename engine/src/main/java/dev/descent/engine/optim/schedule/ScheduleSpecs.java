package dev.descent.engine.optim.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.SpecFields;
import dev.descent.engine.validation.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a spec's {@code schedule} object, once, into a {@link ScheduleSpec} record (every problem collected under its
 * pointer); {@link Schedules#build} later turns the record into a schedule scaling from the optimizer's {@code lr}
 * (the base rate η₀). Adding a field: its type's reader here ({@link DecayReaders}, {@link CycleReaders}), its record
 * in {@link ScheduleSpec}, {@link Schedules} and {@code docs/job-spec.md}. Types and fields (PyTorch {@code
 * lr_scheduler} names where they exist): {@code constant}; {@code linear} ({@code tau}, {@code lr_end} = η₀/100);
 * {@code step} ({@code step_size}, {@code gamma} = 0.1); {@code exponential} ({@code gamma}); {@code inverse_time}
 * ({@code decay_rate}, {@code decay_steps} = 1); {@code polynomial} ({@code total_iters}, {@code power} = 1, {@code
 * eta_min} = 0); {@code cosine} ({@code T_max}, {@code eta_min} = 0); {@code cosine_warm_restarts} ({@code T_0},
 * {@code T_mult} = 1, {@code eta_min} = 0); {@code warmup} ({@code warmup_steps}, {@code start_factor} = 1/3, {@code
 * after}: another schedule, default constant); {@code cyclic} ({@code max_lr}, {@code base_lr} = η₀, {@code
 * step_size_up} = 2000, {@code step_size_down} = up, {@code mode} triangular|triangular2|exp_range, {@code gamma} =
 * 1); {@code one_cycle} ({@code total_steps} or {@code epochs}, {@code max_lr} = η₀, {@code pct_start} = 0.3, {@code
 * anneal_strategy} cos|linear, {@code div_factor} = 25, {@code final_div_factor} = 1e4); {@code plateau} ({@code mode}
 * min|max, {@code factor} = 0.1, {@code patience} = 10, {@code threshold} = 1e-4, {@code threshold_mode} rel|abs,
 * {@code cooldown} = 0, {@code min_lr} = 0; fed by {@link PlateauReports}). Every type but {@code plateau} takes
 * {@code unit}: {@code iteration} (default for cyclic and one_cycle) or {@code epoch} (default for the others).
 */
public final class ScheduleSpecs {
  private static final Map<String, ScheduleReader> TYPES = Map.ofEntries(
      Map.entry("constant", DecayReaders::constant), Map.entry("linear", DecayReaders::linear),
      Map.entry("step", DecayReaders::step), Map.entry("exponential", DecayReaders::exponential),
      Map.entry("inverse_time", DecayReaders::inverseTime), Map.entry("polynomial", DecayReaders::polynomial),
      Map.entry("cosine", DecayReaders::cosine), Map.entry("cosine_warm_restarts", DecayReaders::warmRestarts),
      Map.entry("warmup", ScheduleSpecs::warmup), Map.entry("cyclic", CycleReaders::cyclic),
      Map.entry("one_cycle", CycleReaders::oneCycle), Map.entry("plateau", CycleReaders::plateau));
  static final List<String> UNITS = List.of("iteration", "epoch");
  static final double DEFAULT_WARMUP_START_FACTOR = 1.0 / 3;

  private ScheduleSpecs() {}

  /** Reads one schedule object; {@code f}'s fields are the object's, {@code lr} the base rate. */
  @FunctionalInterface
  interface ScheduleReader {
    ScheduleSpec read(SpecFields f, double lr, int iterationsPerEpoch);
  }

  /**
   * The schedule record, or null for none; problems are added to {@code violations} under {@code /schedule}.
   * {@code baseLr} resolves the defaults that follow η₀; {@code iterationsPerEpoch} (1 when unknown) checks a
   * one-cycle schedule given in {@code epochs}.
   */
  public static ScheduleSpec read(JsonNode schedule, double baseLr, int iterationsPerEpoch,
      List<Violation> violations) {
    if (schedule == null || schedule.isNull()) {
      return null;
    }
    return read(new SpecFields(schedule, "/schedule", violations), schedule, baseLr, iterationsPerEpoch);
  }

  /**
   * A schedule of another hyperparameter (e.g. SGD's {@code momentum_schedule}) in field {@code field} of
   * {@code parent}, scaling from {@code base} as the learning-rate schedules scale from {@code lr}; null when absent.
   * Plateau schedules and one-cycle's {@code epochs} are refused here (they need the training loop).
   */
  public static ScheduleSpec readValueSchedule(SpecFields parent, String field, double base) {
    JsonNode node = parent.node(field);
    if (node == null) {
      return null;
    }
    SpecFields f = parent.child(field);
    if (node.path("type").asText().equals("plateau") || node.has("epochs")) {
      f.fail(node.has("epochs") ? "epochs" : "type", "not available for " + field);
      return null;
    }
    return read(f, node, base, 1);
  }

  private static ScheduleSpec read(SpecFields f, JsonNode schedule, double lr, int iterationsPerEpoch) {
    if (!schedule.isObject()) {
      f.fail("type", "the schedule must be an object with a \"type\"");
      return null;
    }
    String type = f.text("type", "", List.copyOf(new TreeSet<>(TYPES.keySet())));
    if (!TYPES.containsKey(type)) {
      if (f.node("type") == null) {
        f.fail("type", "is required");
      }
      return null;
    }
    ScheduleSpec out = TYPES.get(type).read(f, lr, iterationsPerEpoch);
    f.rejectUnread();
    return out;
  }

  static ScheduleUnit unit(SpecFields f, ScheduleUnit fallback) {
    String unit = f.text("unit", fallback.name().toLowerCase(Locale.ROOT), UNITS);
    return ScheduleUnit.valueOf(unit.toUpperCase(Locale.ROOT));
  }

  private static ScheduleSpec warmup(SpecFields f, double lr, int iterationsPerEpoch) {
    int steps = f.integer("warmup_steps", 0, 1);
    double start = f.number("start_factor", DEFAULT_WARMUP_START_FACTOR, v -> v >= 0 && v <= 1, "in [0, 1]");
    JsonNode after = f.node("after");
    ScheduleSpec inner = after == null
        ? new ScheduleSpec.Constant(unit(f, ScheduleUnit.EPOCH))
        : read(f.child("after"), after, lr, iterationsPerEpoch);
    if (after != null && f.node("unit") != null) {
      f.fail("unit", "a warmup uses the unit of its \"after\" schedule");
    }
    if (inner instanceof ScheduleSpec.Plateau) {
      f.fail("after", "a plateau schedule cannot follow a warmup");
    }
    return inner == null ? null : new ScheduleSpec.Warmup(steps, start, inner);
  }
}
