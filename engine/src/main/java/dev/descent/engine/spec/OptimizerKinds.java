package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.FullBatchOptimizers;
import dev.descent.engine.fullbatch.FullBatchSettings;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.validation.Violation;
import java.util.List;

/**
 * Sends a job's {@code optimizer} to the family that owns its {@code type}: the full-batch optimizers
 * ({@link FullBatchOptimizers}: lbfgs, cg, bfgs, newton, newton_cg, steepest_descent, coordinate_descent), which take
 * no learning-rate schedule, or the per-minibatch updaters ({@link OptimizerSpecs}). Each reads its JSON, once, into
 * an {@link OptimizerSpec} record.
 */
public final class OptimizerKinds {
  private OptimizerKinds() {}

  /** Whether the optimizer JSON names a full-batch optimizer. */
  public static boolean isFullBatch(JsonNode optimizer) {
    return optimizer != null && FullBatchOptimizers.handles(optimizer.path("type").asText());
  }

  /**
   * The optimizer's and the schedule's records (null where unusable; the schedule null for none), every problem
   * added to {@code violations} with pointers rooted at {@code /optimizer} and {@code /schedule}.
   */
  static Reading read(JsonNode optimizer, JsonNode schedule, List<Violation> violations) {
    if (!isFullBatch(optimizer)) {
      OptimizerSpecs.Reading reading = OptimizerSpecs.read(optimizer, schedule, 1, violations);
      return new Reading(reading.updater(), reading.schedule(), optimizer);
    }
    FullBatchSettings settings = FullBatchOptimizers.read(optimizer, violations);
    if (schedule != null && !schedule.isNull()) {
      violations.add(new Violation("/schedule", "a full-batch optimizer takes no learning-rate schedule"));
    }
    return settings == null ? new Reading(null, null, optimizer)
        : new Reading(new OptimizerSpec.FullBatch(settings), null, FullBatchOptimizers.withDefaults(optimizer));
  }

  /**
   * What {@link #read} found; {@code canonical} is the optimizer JSON as the stored spec shows it (full-batch ones
   * with every default filled in), for output only.
   */
  record Reading(OptimizerSpec optimizer, ScheduleSpec schedule, JsonNode canonical) {}
}
