package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code "task": "lr_range_test"} spec: the {@code lrRangeTest} object, and every other field as a training
 * spec ({@link SpecParser}), without {@code epochs} (the test counts updates), a {@code schedule},
 * {@code earlyStopping} (it sets the rate and the end itself) or {@code averaging}, with a minibatch optimizer.
 */
final class LrRangeTestSpecReader {
  private static final String AT = "/" + LrRangeTestSpec.FIELD;
  private static final Set<String> FIELDS =
      Set.of("minLr", "maxLr", "steps", "mode", "smoothing", "divergeFactor");
  private static final Set<String> MODES = Set.of(LrRangeTestSpec.EXPONENTIAL, LrRangeTestSpec.LINEAR);
  private static final int MAX_STEPS = 100_000;

  private final EngineLimits limits;

  LrRangeTestSpecReader(EngineLimits limits) {
    this.limits = limits;
  }

  LrRangeTestSpec read(ObjectNode tree) {
    FieldReader reader = new FieldReader();
    ObjectNode training = tree.deepCopy();
    training.remove(JobSpecs.TASK);
    JsonNode node = training.remove(LrRangeTestSpec.FIELD);
    refuse(reader, training, "epochs", "a range test runs " + LrRangeTestSpec.FIELD + ".steps updates");
    refuse(reader, training, "schedule", "a range test sets the rate itself");
    refuse(reader, training, "earlyStopping", "a range test ends when the loss exceeds divergeFactor x its minimum");
    refuse(reader, training, "averaging", "a range test does not average");
    refuse(reader, training, "init", "a range test starts from a fresh network");
    refuse(reader, training, "curriculum", "a range test trains on the whole set");
    refuse(reader, training, "pretraining", "a range test starts from a fresh network");
    training.put("epochs", 1);
    ObjectNode o = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : reader.object(node, AT,
        FIELDS);
    LrRangeTestSpec partial = o == null ? null : fields(reader, o);
    List<Violation> violations = new ArrayList<>(reader.violations());
    TrainingSpec spec = null;
    try {
      spec = SpecParser.parse(training.toString(), limits);
    } catch (SpecException e) {
      violations.addAll(e.violations());
    }
    if (spec != null && spec.optimizerSpec() instanceof OptimizerSpec.FullBatch) {
      violations.add(new Violation("/optimizer/type", "a range test needs a minibatch optimizer"));
    }
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    return new LrRangeTestSpec(spec, scheduled(training, partial), partial.minLr(), partial.maxLr(),
        partial.steps(), partial.mode(), partial.smoothing(), partial.divergeFactor());
  }

  /**
   * The training spec with the optimizer's rate at {@code minLr} and a per-iteration schedule up to {@code maxLr}:
   * PyTorch's {@code ExponentialLR} with γ = (η_max/η_min)^(1/(steps−1)), or {@code LinearLR} over steps − 1.
   */
  private TrainingSpec scheduled(ObjectNode training, LrRangeTestSpec range) {
    ObjectNode run = training.deepCopy();
    ObjectNode optimizer = run.has("optimizer") ? (ObjectNode) run.get("optimizer")
        : run.putObject("optimizer").put("type", SpecParser.DEFAULT_OPTIMIZER);
    optimizer.put("lr", range.minLr());
    ObjectNode schedule = run.putObject("schedule").put("unit", "iteration");
    if (LrRangeTestSpec.EXPONENTIAL.equals(range.mode())) {
      schedule.put("type", "exponential").put("gamma", Math.pow(range.maxLr() / range.minLr(), 1.0 / (range.steps()
          - 1)));
    } else {
      schedule.put("type", "linear").put("tau", range.steps() - 1).put("lr_end", range.maxLr());
    }
    try {
      return SpecParser.parse(run.toString(), limits);
    } catch (SpecException e) {
      throw new SpecException("/optimizer/type", "a range test needs an optimizer with a learning rate ("
          + e.violations().get(0).message() + ")");
    }
  }

  private static void refuse(FieldReader reader, ObjectNode training, String field, String why) {
    JsonNode value = training.remove(field);
    if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
      reader.add("/" + field, "not allowed with task " + LrRangeTestSpec.TASK + ": " + why);
    }
  }

  private static LrRangeTestSpec fields(FieldReader reader, ObjectNode o) {
    double minLr = reader.number(o, AT, "minLr", 1e-6, Double.MIN_NORMAL, 1e6);
    double maxLr = reader.number(o, AT, "maxLr", 1.0, Double.MIN_NORMAL, 1e6);
    if (reader.violations().isEmpty() && maxLr <= minLr) {
      reader.add(AT + "/maxLr", "must be greater than minLr (" + minLr + ")");
    }
    return new LrRangeTestSpec(null, null, minLr, maxLr,
        (int) reader.integer(o, AT, "steps", 100L, 2, MAX_STEPS),
        reader.oneOf(o, AT, "mode", LrRangeTestSpec.EXPONENTIAL, MODES),
        reader.number(o, AT, "smoothing", 0.98, 0, 0.999),
        reader.number(o, AT, "divergeFactor", 4.0, 1.0001, 1e6));
  }
}
