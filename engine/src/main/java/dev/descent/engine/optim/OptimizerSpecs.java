package dev.descent.engine.optim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.schedule.ScheduleSpecs;
import dev.descent.engine.optim.updater.GradientNoiseConfig;
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
 * The one door between a job spec's {@code optimizer} / {@code schedule} JSON and DL4J: validation (every problem
 * named by its JSON pointer, unknown fields refused) and construction. Type names are PyTorch's class names in lower
 * case plus {@code qhadam}, {@code aggmo}, {@code deltabardelta}, {@code rmsprop_nesterov}; hyperparameter names and
 * defaults are PyTorch's. Every optimizer object may also hold {@code clip_grad_norm}, {@code clip_grad_value} and
 * {@code grad_noise: {"eta", "gamma", "seed"}}; {@code sgd} also takes {@code momentum_schedule} (a schedule object
 * scaling from {@code momentum}).
 */
public final class OptimizerSpecs {
  private static final Map<String, Function<SpecFields, BuiltUpdater>> TYPES = Map.ofEntries(
      Map.entry("sgd", MomentumUpdaters::sgd), Map.entry("asgd", MomentumUpdaters::asgd),
      Map.entry("aggmo", MomentumUpdaters::aggmo), Map.entry("adagrad", MomentumUpdaters::adagrad),
      Map.entry("adadelta", MomentumUpdaters::adadelta), Map.entry("rprop", MomentumUpdaters::rprop),
      Map.entry("deltabardelta", MomentumUpdaters::deltaBarDelta), Map.entry("rmsprop", AdaptiveUpdaters::rmsprop),
      Map.entry("rmsprop_nesterov", AdaptiveUpdaters::rmspropNesterov), Map.entry("adam", AdaptiveUpdaters::adam),
      Map.entry("adamw", AdaptiveUpdaters::adamw), Map.entry("adamax", AdaptiveUpdaters::adamax),
      Map.entry("nadam", AdaptiveUpdaters::nadam), Map.entry("radam", AdaptiveUpdaters::radam),
      Map.entry("qhadam", AdaptiveUpdaters::qhadam));

  private OptimizerSpecs() {}

  /** The optimizer type names. */
  public static SortedSet<String> types() {
    return new TreeSet<>(TYPES.keySet());
  }

  /**
   * Every problem with an optimizer spec (and its schedule, which may be null or JSON null), with pointers rooted at
   * {@code /optimizer} and {@code /schedule}. Empty when the spec is valid.
   */
  public static List<Violation> validate(JsonNode optimizer, JsonNode schedule) {
    List<Violation> violations = new ArrayList<>();
    read(optimizer, schedule, 1, violations);
    return violations;
  }

  /**
   * The DL4J updater for a valid spec ({@code iterationsPerEpoch} converts a one-cycle schedule's {@code epochs}).
   * The updater alone drops {@code weight_decay} and clipping, which act outside it: training code uses {@link #plan}.
   */
  public static IUpdater toUpdater(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch) {
    return plan(optimizer, schedule, iterationsPerEpoch).updater();
  }

  /** Updater, weight-decay regularizations and clipping for a spec; throws {@link SpecException} if invalid. */
  public static OptimizerPlan plan(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch) {
    List<Violation> violations = new ArrayList<>();
    OptimizerPlan plan = read(optimizer, schedule, iterationsPerEpoch, violations);
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    return plan;
  }

  private static OptimizerPlan read(JsonNode optimizer, JsonNode schedule, int iterationsPerEpoch,
      List<Violation> violations) {
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
      ScheduleSpecs.read(schedule, 1.0, iterationsPerEpoch, violations);
      return null;
    }
    BuiltUpdater built = TYPES.get(type).apply(f);
    GradientClipping clipping = new GradientClipping(
        f.number("clip_grad_norm", GradientClipping.OFF, Rules.POSITIVE, Rules.POSITIVE_TEXT),
        f.number("clip_grad_value", GradientClipping.OFF, Rules.POSITIVE, Rules.POSITIVE_TEXT));
    IUpdater updater = withNoise(f, built.updater());
    f.rejectUnread();
    ISchedule lrSchedule = ScheduleSpecs.read(schedule, updater.getLearningRate(0, 0), iterationsPerEpoch, violations);
    if (lrSchedule != null) {
      updater.setLrAndSchedule(updater.getLearningRate(0, 0), lrSchedule);
    }
    return new OptimizerPlan(updater, regularization(built), clipping);
  }

  private static IUpdater withNoise(SpecFields f, IUpdater updater) {
    JsonNode noise = f.node("grad_noise");
    if (noise == null) {
      return updater;
    }
    if (!noise.isObject()) {
      f.fail("grad_noise", "must be an object {\"eta\", \"gamma\", \"seed\"}");
      return updater;
    }
    SpecFields checked = f.child("grad_noise");
    double eta = checked.required("eta", Rules.NON_NEGATIVE, Rules.NON_NEGATIVE_TEXT);
    double gamma = checked.number("gamma", GradientNoiseConfig.DEFAULT_GAMMA, Rules.NON_NEGATIVE,
        Rules.NON_NEGATIVE_TEXT);
    long seed = checked.integer("seed", GradientNoiseConfig.DEFAULT_SEED);
    checked.rejectUnread();
    return new GradientNoiseConfig(updater, eta, gamma, seed);
  }

  private static List<Regularization> regularization(BuiltUpdater built) {
    List<Regularization> out = new ArrayList<>();
    if (built.l2() > 0) {
      out.add(new L2Regularization(built.l2()));
    }
    if (built.decoupled() > 0) {
      out.add(new WeightDecay(built.decoupled(), true));
    }
    return out;
  }
}
