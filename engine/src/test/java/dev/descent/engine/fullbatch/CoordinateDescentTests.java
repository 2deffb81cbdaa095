package dev.descent.engine.fullbatch;

import static dev.descent.engine.playground.FullBatchMethods.objective;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.playground.Rosenbrock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CoordinateDescentTests {

  @Test
  void blockNewtonSweepsDecreaseTheQuadraticAndConverge() {
    FullBatchOptimizer bcd = Specs.optimizer("{\"type\": \"coordinate_descent\", \"blocks\": [[0, 5], [5, 10]], "
        + "\"inner\": {\"type\": \"newton\", \"max_iter\": 1, \"tolerance_change\": 0, \"tolerance_grad\": 0}}");
    Objective quadratic = Specs.quadratic().objective();
    double[] x = new double[10];
    double previous = quadratic.value(x);
    for (int sweep = 0; sweep < 100; sweep++) {
      StepRecord record = bcd.step(quadratic, x);
      assertThat(record.f()).isLessThanOrEqualTo(previous);
      previous = record.f();
    }
    double[] g = quadratic.gradient(x);
    assertThat(Arrays.copyOfRange(g, 5, 10)).as("the block solved last is exactly optimal")
        .containsOnly(new double[] {0}, within(1e-12));
    assertThat(g).as("block Gauss–Seidel converges").containsOnly(new double[] {0}, within(1e-5));
  }

  @Test
  void eachBlockStepMovesOnlyItsOwnCoordinates() {
    FullBatchOptimizer bcd = Specs.optimizer("{\"type\": \"coordinate_descent\", \"blocks\": [[1, 2]]}");
    double[] x = {-1.5, 2};
    StepRecord record = bcd.step(objective(new Rosenbrock(2)), x);
    assertThat(x[0]).isEqualTo(-1.5);
    assertThat(x[1]).as("argmin over x₁ of Rosenbrock at x₀ = −1.5").isCloseTo(2.25, within(1e-6));
    assertThat(record.evaluations()).isGreaterThan(1);
  }

  @Test
  void withoutBlocksItVisitsEveryCoordinateOfTheObjective() {
    FullBatchOptimizer bcd = Specs.optimizer("{\"type\": \"coordinate_descent\"}");
    double[] x = {0.5, 0.5};
    bcd.step(objective(new Rosenbrock(2)), x);
    assertThat(x[0]).isNotEqualTo(0.5);
    assertThat(x[1]).isCloseTo(x[0] * x[0], within(1e-6));
  }
}
