package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.FullBatchOptimizers;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a job's {@code optimizer} to the family that owns its {@code type}: the full-batch optimizers
 * ({@link FullBatchOptimizers}: lbfgs, cg, bfgs, newton, newton_cg, steepest_descent, coordinate_descent), which take
 * no learning-rate schedule, or the per-minibatch updaters ({@link OptimizerSpecs}).
 */
public final class OptimizerKinds {
  private OptimizerKinds() {}

  /** Whether the optimizer JSON names a full-batch optimizer. */
  public static boolean isFullBatch(JsonNode optimizer) {
    return optimizer != null && FullBatchOptimizers.handles(optimizer.path("type").asText());
  }

  /** Every problem with the optimizer and schedule, pointers rooted at {@code /optimizer} and {@code /schedule}. */
  static List<Violation> validate(JsonNode optimizer, JsonNode schedule) {
    if (!isFullBatch(optimizer)) {
      return OptimizerSpecs.validate(optimizer, schedule);
    }
    List<Violation> violations = new ArrayList<>(FullBatchOptimizers.validate(optimizer));
    if (schedule != null && !schedule.isNull()) {
      violations.add(new Violation("/schedule", "a full-batch optimizer takes no learning-rate schedule"));
    }
    return violations;
  }

  /** The optimizer as the stored spec shows it: full-batch ones with every default filled in. */
  static JsonNode canonical(JsonNode optimizer, List<Violation> violations) {
    return isFullBatch(optimizer) && violations.isEmpty() ? FullBatchOptimizers.withDefaults(optimizer) : optimizer;
  }
}
