package dev.descent.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.schedule.ScheduleSpecs;
import dev.descent.engine.optim.schedule.Schedules;
import dev.descent.engine.optim.updater.GradientNoiseConfig;
import dev.descent.engine.optim.updater.SgdConfig;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.SpecFields;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The one door between a job spec's {@code optimizer} JSON and DL4J: {@link #read} parses it, once, into an
 * {@link UpdaterSpec} record (every problem named by its JSON pointer, unknown fields refused), {@link #plan} builds
 * the DL4J updater from the records alone. Type names are PyTorch's class names in lower case plus {@code qhadam},
 * {@code aggmo}, {@code deltabardelta}, {@code rmsprop_nesterov}; hyperparameter names and defaults are PyTorch's.
 * Every optimizer object may also hold {@code clip_grad_norm}, {@code clip_grad_value} and
 * {@code grad_noise: {"eta", "gamma", "seed"}} ({@link CommonSettings}); {@code sgd} also takes
 * {@code momentum_schedule} (a schedule object scaling from {@code momentum}). Adding a field: its family's reader
 * ({@link MomentumReaders}, {@link AdaptiveReaders}, {@link Rules#common}), its record ({@link UpdaterSpec}) and
 * {@code docs/job-spec.md}.
 */
public final class OptimizerSpecs {
  private static final Map<String, Function<SpecFields, UpdaterSpec>> TYPES = Map.ofEntries(
      Map.entry("sgd", MomentumReaders::sgd), Map.entry("asgd", MomentumReaders::asgd),
      Map.entry("aggmo", MomentumReaders::aggmo), Map.entry("adagrad", MomentumReaders::adagrad),
      Map.entry("adadelta", MomentumReaders::adadelta), Map.entry("rprop", MomentumReaders::rprop),
      Map.entry("deltabardelta", MomentumReaders::deltaBarDelta), Map.entry("rmsprop", AdaptiveReaders::rmsprop),
      Map.entry("rmsprop_nesterov", AdaptiveReaders::rmspropNesterov), Map.entry("adam", AdaptiveReaders::adam),
      Map.entry("adamw", AdaptiveReaders::adamw), Map.entry("adamax", AdaptiveReaders::adamax),
      Map.entry("nadam", AdaptiveReaders::nadam), Map.entry("radam", AdaptiveReaders::radam),
      Map.entry("qhadam", AdaptiveReaders::qhadam));

  private OptimizerSpecs() {}

  /** The optimizer type names. */
  public static SortedSet<String> types() {
    return new TreeSet<>(TYPES.keySet());
  }

  /**
   * The record of an optimizer object, or null when it is unusable; problems are added to {@code violations} under
   * {@code /optimizer}.
   */
  public static UpdaterSpec read(JsonNode optimizer, List<Violation> violations) {
    if (optimizer == null || !optimizer.isObject()) {
      violations.add(new Violation("/optimizer", "must be an object with a \"type\""));
      return null;
    }
    SpecFields f = new SpecFields(optimizer, "/optimizer", violations);
    String type = f.text("type", "", List.copyOf(types()));
    if (!TYPES.containsKey(type)) {
      if (f.node("type") == null) {
        f.fail("type", "is required, one of " + types());
      }
      return null;
    }
    UpdaterSpec spec = TYPES.get(type).apply(f);
    f.rejectUnread();
    return spec;
  }

  /**
   * The optimizer's record and its schedule's ({@code schedule} may be null or JSON null); problems are added to
   * {@code violations} under {@code /optimizer} and {@code /schedule}. A schedule is read against a base rate of 1
   * when the optimizer is unusable.
   */
  public static Reading read(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch,
      List<Violation> violations) {
    UpdaterSpec updater = read(optimizer, violations);
    double lr = updater == null ? 1.0 : updater.lr();
    return new Reading(updater, ScheduleSpecs.read(schedule, lr, iterationsPerEpoch, violations));
  }

  /** An optimizer record and its schedule record (null for a constant rate). */
  public record Reading(UpdaterSpec updater, ScheduleSpec schedule) {}

  /** Every problem with an optimizer spec and its schedule; empty when the spec is valid. */
  public static List<Violation> validate(JsonNode optimizer, JsonNode schedule) {
    List<Violation> violations = new ArrayList<>();
    read(optimizer, schedule, 1, violations);
    return violations;
  }

  /** {@link #plan(UpdaterSpec, ScheduleSpec, int)} for JSON; throws {@link SpecException} if invalid. */
  public static OptimizerPlan plan(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch) {
    Reading reading = SpecException.orThrow(violations -> read(optimizer, schedule, iterationsPerEpoch, violations));
    return plan(reading.updater(), reading.schedule(), iterationsPerEpoch);
  }

  /** {@link #plan(JsonNode, JsonNode, int)}'s updater. */
  public static IUpdater toUpdater(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch) {
    return plan(optimizer, schedule, iterationsPerEpoch).updater();
  }

  /**
   * Updater, weight-decay regularizations and clipping for the records ({@code iterationsPerEpoch} converts a
   * one-cycle schedule's {@code epochs}). The updater alone drops {@code weight_decay} and clipping, which act
   * outside it: training code uses the whole plan.
   */
  public static OptimizerPlan plan(UpdaterSpec spec, ScheduleSpec schedule, int iterationsPerEpoch) {
    IUpdater updater = spec.config();
    if (spec instanceof UpdaterSpec.Sgd sgd) {
      ((SgdConfig) updater).setMomentumSchedule(Schedules.build(sgd.momentumSchedule(), sgd.momentum(), 1));
    }
    CommonSettings.GradNoise noise = spec.common().noise();
    if (noise != null) {
      updater = new GradientNoiseConfig(updater, noise.eta(), noise.gamma(), noise.seed());
    }
    ISchedule lrSchedule = Schedules.build(schedule, updater.getLearningRate(0, 0), iterationsPerEpoch);
    if (lrSchedule != null) {
      updater.setLrAndSchedule(updater.getLearningRate(0, 0), lrSchedule);
    }
    return new OptimizerPlan(updater, regularization(spec), spec.common().clipping());
  }

  private static List<Regularization> regularization(UpdaterSpec spec) {
    List<Regularization> out = new ArrayList<>();
    if (spec.l2() > 0) {
      out.add(new L2Regularization(spec.l2()));
    }
    if (spec.decoupled() > 0) {
      out.add(new WeightDecay(spec.decoupled(), true));
    }
    return out;
  }
}
