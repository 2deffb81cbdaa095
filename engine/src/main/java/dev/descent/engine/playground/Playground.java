package dev.descent.engine.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.optim.UpdaterSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.SpecFields;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The optimizer playground: runs an optimizer spec (the same JSON as in jobs) on a named test function.
 *
 * <pre>
 * {"function": {"name": "rosenbrock" | "beale" | "saddle" | "quadratic", "A": [[…]], "b": […]},
 *  "start": [-1.5, 2.0], "steps": 200, "optimizer": {"type": "adam", "lr": 0.01}}
 * </pre>
 *
 * The optimizer object is read once, into the records a job's optimizer is read into: first-order types
 * ({@code OptimizerSpecs.read}, an {@code UpdaterSpec}) go through our DL4J updaters ({@link FirstOrderMethod});
 * other types are looked up in the full-batch factories given to the constructor ({@link FullBatchMethods}).
 * Invalid requests throw {@link SpecException} naming every field.
 */
public final class Playground {
  public static final int MAX_STEPS = 10_000;
  public static final int MAX_DIMENSION = 1_000;
  /** Bound on {@code steps × dimension}, which sizes the response (x and g per point). */
  public static final long MAX_STEP_COORDINATES = 1_000_000L;

  private final Map<String, TrajectoryMethodFactory> fullBatch;

  /** A playground with the first-order optimizers only. */
  public Playground() {
    this(Map.of());
  }

  /** A playground that also runs the full-batch types in {@code fullBatch} (type name → factory). */
  public Playground(Map<String, TrajectoryMethodFactory> fullBatch) {
    this.fullBatch = Map.copyOf(fullBatch);
  }

  public Trajectory run(JsonNode request) {
    List<Violation> violations = new ArrayList<>();
    if (request == null || !request.isObject()) {
      throw new SpecException("", "must be an object with function, start, steps, optimizer");
    }
    SpecFields fields = new SpecFields(request, "", violations);
    double[] start = fields.numbers("start", null, 0, v -> true, "");
    if (fields.node("start") == null) {
      fields.fail("start", "is required: an array of 1 to " + MAX_DIMENSION + " numbers");
    } else if (start != null && start.length > MAX_DIMENSION) {
      fields.fail("start", "must have at most " + MAX_DIMENSION + " coordinates");
      start = null;
    }
    int steps = fields.integer("steps", 0, 1);
    if (steps > MAX_STEPS) {
      fields.fail("steps", "must be at most " + MAX_STEPS);
    } else if (start != null && (long) steps * start.length > MAX_STEP_COORDINATES) {
      fields.fail("steps", "steps × dimension must be at most " + MAX_STEP_COORDINATES);
    }
    TestFunction function = readFunction(fields, start);
    TrajectoryMethod method = readMethod(fields.node("optimizer"), violations);
    fields.rejectUnread();
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
    return new Trajectory(method.run(function, start, steps));
  }

  private static TestFunction readFunction(SpecFields fields, double[] start) {
    JsonNode node = fields.node("function");
    if (node == null || !node.isObject()) {
      fields.fail("function", "is required: an object with a \"name\"");
      return null;
    }
    if (start == null) {
      return null;
    }
    SpecFields function = fields.child("function");
    TestFunction out = TestFunctions.read(function, start.length);
    if (out != null && out.dimension() != start.length) {
      fields.fail("start", "must have " + out.dimension() + " coordinates for this function");
    }
    function.rejectUnread();
    return out;
  }

  private TrajectoryMethod readMethod(JsonNode optimizer, List<Violation> violations) {
    TrajectoryMethodFactory factory = optimizer == null ? null : fullBatch.get(optimizer.path("type").asText());
    if (factory != null) {
      return factory.read(optimizer, violations);
    }
    List<Violation> found = new ArrayList<>();
    UpdaterSpec spec = OptimizerSpecs.read(optimizer, found);
    violations.addAll(found);
    return found.isEmpty() ? new FirstOrderMethod(OptimizerSpecs.plan(spec, null, 1)) : null;
  }
}
