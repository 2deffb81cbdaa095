package dev.descent.engine.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.FullBatchOptimizers;
import dev.descent.engine.fullbatch.FullBatchSettings;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plugs the full-batch optimizers ({@code lbfgs}, {@code cg}, {@code bfgs}, {@code newton}, …) into the playground:
 * one playground step is one outer step (for {@code lbfgs}, one PyTorch {@code step(closure)} call), and the point
 * records x and f after the step, g at the point the step started from, and the function evaluations it made.
 */
public final class FullBatchMethods implements TrajectoryMethodFactory {
  static final List<String> TYPES =
      List.of("lbfgs", "cg", "bfgs", "newton", "newton_cg", "steepest_descent", "coordinate_descent");

  private FullBatchMethods() {}

  /** Type name → factory, for {@link Playground#Playground(Map)}. */
  public static Map<String, TrajectoryMethodFactory> factories() {
    Map<String, TrajectoryMethodFactory> out = new TreeMap<>();
    FullBatchMethods factory = new FullBatchMethods();
    TYPES.stream().filter(FullBatchOptimizers::handles).forEach(type -> out.put(type, factory));
    return out;
  }

  @Override
  public TrajectoryMethod read(JsonNode optimizer, List<Violation> violations) {
    FullBatchSettings settings = FullBatchOptimizers.read(optimizer, violations);
    return settings == null ? null
        : (function, start, steps) -> run(FullBatchOptimizers.create(settings), function, start, steps);
  }

  /** {@code function} as the objective a full-batch optimizer steps on. */
  public static Objective objective(TestFunction function) {
    return new Objective() {
      @Override
      public double value(double[] x) {
        return function.value(x);
      }

      @Override
      public double[] gradient(double[] x) {
        return function.gradient(x);
      }
    };
  }

  private static List<TrajectoryPoint> run(
      FullBatchOptimizer optimizer, TestFunction function, double[] start, int steps) {
    Objective objective = objective(function);
    double[] x = start.clone();
    List<TrajectoryPoint> points = new ArrayList<>(steps);
    for (int t = 1; t <= steps; t++) {
      StepRecord step = optimizer.step(objective, x);
      points.add(new TrajectoryPoint(t, x.clone(), function.value(x), step.g(), null, step.evaluations()));
    }
    return points;
  }
}
