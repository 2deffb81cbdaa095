package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.coordinate.BlockCoordinateDescent;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.linesearch.BacktrackingArmijo;
import dev.descent.engine.fullbatch.linesearch.LineSearch;
import dev.descent.engine.fullbatch.linesearch.StrongWolfe;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopSettings;
import dev.descent.engine.fullbatch.loop.StepLoop;
import dev.descent.engine.fullbatch.method.BetaFormula;
import dev.descent.engine.fullbatch.method.BfgsRule;
import dev.descent.engine.fullbatch.method.ConjugateGradientRule;
import dev.descent.engine.fullbatch.method.LbfgsRule;
import dev.descent.engine.fullbatch.method.NewtonCgRule;
import dev.descent.engine.fullbatch.method.NewtonRule;
import dev.descent.engine.fullbatch.method.SteepestDescentRule;
import dev.descent.engine.validation.Violation;
import java.util.List;

/**
 * The door between a job spec's {@code optimizer} JSON and the full-batch optimizers: {@link #read} checks the JSON
 * ({@link SpecValidator}) and reads it, once, into a {@link FullBatchSettings} record; {@link #create} builds an
 * optimizer from the record alone. Adding a field: its default in {@link FullBatchSpec}, its check in
 * {@link SpecValidator}, its record component in {@link FullBatchSettings} and {@code docs/job-spec.md}. Every type but
 * {@code coordinate_descent} takes PyTorch {@code LBFGS}'s names and defaults: {@code lr} (1), {@code max_iter}
 * (20), {@code max_eval} (null: max_iter·5/4), {@code tolerance_grad} (1e-7), {@code tolerance_change} (1e-9),
 * {@code line_search_fn} (null, {@code "strong_wolfe"}, or outside lbfgs {@code "backtracking"}); plus
 *
 * <ul>
 *   <li>{@code lbfgs}: {@code history_size} (100); line search null by default;
 *   <li>{@code steepest_descent}: {@code c1} (1e-4), {@code c2} (0.9); strong Wolfe by default;
 *   <li>{@code cg}: {@code beta_type} ({@code polak_ribiere}, {@code fletcher_reeves}, {@code hestenes_stiefel}),
 *       {@code restart} (0: every n iterations), {@code c1}, {@code c2} (0.1); strong Wolfe by default;
 *   <li>{@code bfgs}: {@code max_params} (2000, at most 10000), {@code c1}, {@code c2}; strong Wolfe by default;
 *   <li>{@code newton}: {@code damping} α (0), {@code max_params}, {@code c1}, {@code c2}; no line search by default;
 *   <li>{@code newton_cg}: {@code damping}, {@code max_cg_iter} (0: n), {@code c1}, {@code c2}; strong Wolfe by
 *       default;
 *   <li>{@code coordinate_descent}: {@code blocks} ([[from, to), …]; null: the objective's own, a network's layers)
 *       and {@code inner} (the spec of another type; default lbfgs with strong Wolfe).
 * </ul>
 */
public final class FullBatchOptimizers {
  private FullBatchOptimizers() {}

  /** Whether {@code type} names a full-batch optimizer. */
  public static boolean handles(String type) {
    return FullBatchSpec.TYPES.contains(type);
  }

  /** Every problem with the spec, pointers rooted at {@code /optimizer}; empty when valid. */
  public static List<Violation> validate(JsonNode optimizer) {
    return new SpecValidator(optimizer, "/optimizer").violations();
  }

  /** The record of a spec, or null when it is invalid; problems are added to {@code violations}. */
  public static FullBatchSettings read(JsonNode optimizer, List<Violation> violations) {
    List<Violation> found = validate(optimizer);
    violations.addAll(found);
    return found.isEmpty() ? new FullBatchSpec(optimizer).settings() : null;
  }

  /** A valid spec with every default filled in, as a job's stored spec shows it. */
  public static JsonNode withDefaults(JsonNode optimizer) {
    return new FullBatchSpec(optimizer).filled();
  }

  /** {@link #create(FullBatchSettings)} for a valid spec's JSON. */
  public static FullBatchOptimizer create(JsonNode optimizer) {
    return create(new FullBatchSpec(optimizer).settings());
  }

  /** The optimizer the record describes, fresh (no state). */
  public static FullBatchOptimizer create(FullBatchSettings settings) {
    if (settings.coordinate() != null) {
      FullBatchSettings inner = settings.coordinate().inner();
      return new BlockCoordinateDescent(settings.coordinate().blocks(), () -> create(inner));
    }
    return new StepLoop(loopSettings(settings.type(), settings.loop()), rule(settings.type(), settings.method()));
  }

  private static DirectionRule rule(String type, FullBatchSettings.Method m) {
    return switch (type) {
      case "lbfgs" -> new LbfgsRule(m.historySize());
      case "steepest_descent" -> new SteepestDescentRule();
      case "cg" -> new ConjugateGradientRule(BetaFormula.bySpecName(m.betaType()), m.restart());
      case "bfgs" -> new BfgsRule(m.maxParams());
      case "newton" -> new NewtonRule(m.damping(), m.maxParams());
      case "newton_cg" -> new NewtonCgRule(m.damping(), m.maxCgIter());
      default -> throw new IllegalArgumentException("not a full-batch optimizer: " + type);
    };
  }

  private static LoopSettings loopSettings(String type, FullBatchSettings.Loop loop) {
    int maxEval = loop.maxEval() == null ? LoopSettings.defaultMaxEval(loop.maxIter()) : loop.maxEval();
    return new LoopSettings(loop.lr(), loop.maxIter(), maxEval, loop.toleranceGrad(), loop.toleranceChange(),
        lineSearch(type, loop));
  }

  private static LineSearch lineSearch(String type, FullBatchSettings.Loop loop) {
    if (loop.lineSearchFn() == null) {
      return null;
    }
    if (type.equals("lbfgs")) {
      return new StrongWolfe();
    }
    return loop.lineSearchFn().equals(FullBatchSpec.BACKTRACKING)
        ? new BacktrackingArmijo(loop.c1())
        : new StrongWolfe(loop.c1(), loop.c2(), loop.toleranceChange(), StrongWolfe.DEFAULT_MAX_ITERATIONS);
  }
}
