package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /phases}: a non-empty list of phases, each with {@code epochs} (required), {@code optimizer} (a
 * minibatch optimizer; default Adam), {@code schedule}, {@code batchSize} and {@code keepState}. With phases the
 * top-level {@code epochs}, {@code optimizer}, {@code schedule} and {@code batchSize} are refused; the spec's own
 * are then phase 0's, the epochs their sum. A {@code plateau} schedule is only allowed in the first phase (its
 * state lives in the first optimizer).
 */
final class PhasesReader {
  static final String AT = "/phases";
  static final Set<String> REPLACED = Set.of("epochs", "optimizer", "schedule", "batchSize");
  private static final Set<String> FIELDS = Set.of("epochs", "optimizer", "schedule", "batchSize", "keepState");
  private static final int MAX_PHASES = 32;

  private final FieldReader reader;
  private final EngineLimits limits;

  PhasesReader(FieldReader reader, EngineLimits limits) {
    this.reader = reader;
    this.limits = limits;
  }

  /** The phases (empty when the field is absent or null); refuses the top-level fields they replace. */
  List<PhaseSpec> read(ObjectNode root) {
    JsonNode node = root.get("phases");
    if (node == null || node.isNull()) {
      return List.of();
    }
    for (String field : REPLACED) {
      if (root.hasNonNull(field)) {
        reader.add("/" + field, "not allowed with phases: each phase sets its own " + field);
      }
    }
    if (!node.isArray() || node.isEmpty() || node.size() > MAX_PHASES) {
      reader.add(AT, "must be a list of 1 to " + MAX_PHASES + " phases");
      return List.of();
    }
    List<PhaseSpec> phases = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      PhaseSpec phase = phase(node.get(i), AT + "/" + i, i);
      if (phase != null) {
        phases.add(phase);
      }
    }
    long total = phases.stream().mapToLong(PhaseSpec::epochs).sum();
    if (total > limits.maxEpochs()) {
      reader.add(AT, "the phases add up to " + total + " epochs; at most " + limits.maxEpochs() + " are allowed");
    }
    return phases.size() == node.size() ? List.copyOf(phases) : List.of();
  }

  private PhaseSpec phase(JsonNode node, String at, int index) {
    ObjectNode o = reader.object(node, at, FIELDS);
    if (o == null) {
      return null;
    }
    int epochs = (int) reader.integer(o, at, "epochs", null, 1, limits.maxEpochs());
    int batchSize = (int) reader.integer(o, at, "batchSize", (long) SpecParser.DEFAULT_BATCH_SIZE, 1,
        limits.maxBatchSize());
    boolean keepState = reader.bool(o, at, "keepState", false);
    JsonNode optimizer = o.hasNonNull("optimizer") ? o.get("optimizer") : SpecParser.defaultOptimizer();
    JsonNode schedule = o.hasNonNull("schedule") ? o.get("schedule") : null;
    List<Violation> found = new ArrayList<>();
    OptimizerKinds.Reading reading = OptimizerKinds.read(optimizer, schedule, found);
    found.forEach(v -> reader.add(at + v.pointer(), v.message()));
    if (reading.optimizer() instanceof OptimizerSpec.FullBatch) {
      reader.add(at + "/optimizer/type", "a phase takes a minibatch optimizer");
    }
    if (index > 0 && reading.schedule() instanceof ScheduleSpec.Plateau) {
      reader.add(at + "/schedule/type", "a plateau schedule is only allowed in the first phase");
    }
    return found.isEmpty() ? new PhaseSpec(epochs, reading.canonical(), schedule, batchSize, keepState,
        reading.optimizer(), reading.schedule()) : null;
  }
}
