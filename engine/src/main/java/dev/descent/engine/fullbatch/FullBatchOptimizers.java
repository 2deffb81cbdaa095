package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.coordinate.BlockCoordinateDescent;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.StepLoop;
import dev.descent.engine.fullbatch.method.BetaFormula;
import dev.descent.engine.fullbatch.method.BfgsRule;
import dev.descent.engine.fullbatch.method.ConjugateGradientRule;
import dev.descent.engine.fullbatch.method.LbfgsRule;
import dev.descent.engine.fullbatch.method.NewtonCgRule;
import dev.descent.engine.fullbatch.method.NewtonRule;
import dev.descent.engine.fullbatch.method.SteepestDescentRule;
import dev.descent.engine.spec.Violation;
import java.util.List;

/**
 * The door between a job spec's {@code optimizer} JSON and the full-batch optimizers. Names and defaults follow
 * PyTorch's {@code LBFGS} ({@code lr}, {@code max_iter}, {@code max_eval}, {@code tolerance_grad},
 * {@code tolerance_change}, {@code history_size}, {@code line_search_fn}); the other methods add their own knobs
 * ({@code beta_type}, {@code restart}, {@code damping}, {@code max_params}, {@code max_cg_iter}, {@code c1},
 * {@code c2}, {@code blocks}, {@code inner}). See {@link FullBatchSpec} for the table.
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

  /** The optimizer a valid spec describes, fresh (no state). */
  public static FullBatchOptimizer create(JsonNode optimizer) {
    FullBatchSpec spec = new FullBatchSpec(optimizer);
    if (spec.type().equals("coordinate_descent")) {
      JsonNode inner = spec.inner();
      return new BlockCoordinateDescent(spec.blocks(), () -> create(inner));
    }
    return new StepLoop(spec.loopSettings(), rule(spec));
  }

  private static DirectionRule rule(FullBatchSpec spec) {
    return switch (spec.type()) {
      case "lbfgs" -> new LbfgsRule(spec.integer("history_size"));
      case "steepest_descent" -> new SteepestDescentRule();
      case "cg" -> new ConjugateGradientRule(
          BetaFormula.bySpecName(spec.text("beta_type")), spec.integer("restart"));
      case "bfgs" -> new BfgsRule(spec.integer("max_params"));
      case "newton" -> new NewtonRule(spec.number("damping"), spec.integer("max_params"));
      case "newton_cg" -> new NewtonCgRule(spec.number("damping"), spec.integer("max_cg_iter"));
      default -> throw new IllegalArgumentException("not a full-batch optimizer: " + spec.type());
    };
  }
}
