package dev.descent.engine.fullbatch;

import static dev.descent.engine.playground.FullBatchMethods.objective;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.playground.Rosenbrock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks on test functions: finite termination, one-step Newton, Rosenbrock, the BFGS size limit. */
class FullBatchMethodsTests {
  private static final int DIMENSION = 10;

  /**
   * "Exact" line search: strong Wolfe with c2 = 1e-12 (cubic interpolation is exact on a quadratic). In exact
   * arithmetic the gradient vanishes after n iterations; in float64 it falls by more than 10⁶, where steepest
   * descent at condition number 100 would gain less than a factor of 2.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fletcher_reeves", "polak_ribiere", "hestenes_stiefel"})
  void cgWithExactLineSearchMinimizesAQuadraticInAtMostNIterations(String beta) {
    FullBatchOptimizer cg = Specs.optimizer("{\"type\": \"cg\", \"beta_type\": \"" + beta + "\", \"c2\": 1e-12, "
        + "\"max_iter\": " + DIMENSION + ", \"max_eval\": 1000, \"tolerance_grad\": 1e-9}");
    double[] x = new double[DIMENSION];
    Objective quadratic = Specs.quadratic().objective();
    StepRecord record = cg.step(quadratic, x);
    assertThat(record.iterations()).isLessThanOrEqualTo(DIMENSION);
    assertThat(Vectors.maxAbs(quadratic.gradient(x))).isLessThan(1e-6 * Vectors.maxAbs(record.g()));
  }

  @Test
  void steepestDescentWithExactLineSearchZigZagsAtRightAngles() {
    FullBatchOptimizer descent = Specs.optimizer("{\"type\": \"steepest_descent\", \"c2\": 1e-12, "
        + "\"tolerance_change\": 0, \"max_iter\": 1}");
    Objective quadratic = Specs.quadratic().objective();
    double[] x = new double[DIMENSION];
    double[] previousG = descent.step(quadratic, x).g();
    for (int step = 0; step < 5; step++) {
      double[] g = descent.step(quadratic, x).g();
      assertThat(Vectors.dot(g, previousG)).isCloseTo(0, within(1e-10 * Vectors.norm(g) * Vectors.norm(previousG)));
      previousG = g;
    }
  }

  @Test
  void newtonSolvesAQuadraticInOneStep() {
    FullBatchOptimizer newton = Specs.optimizer("{\"type\": \"newton\", \"max_iter\": 1}");
    double[] x = new double[DIMENSION];
    Objective quadratic = Specs.quadratic().objective();
    StepRecord record = newton.step(quadratic, x);
    assertThat(record.iterations()).isEqualTo(1);
    assertThat(record.evaluations()).isEqualTo(1 + 2 * DIMENSION);
    assertThat(record.stepSize()).isEqualTo(1);
    assertThat(quadratic.gradient(x)).as("∇f = Ax − b at the new point").containsOnly(new double[] {0}, within(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"type\": \"bfgs\"}",
      "{\"type\": \"lbfgs\", \"line_search_fn\": \"strong_wolfe\"}",
      "{\"type\": \"newton\", \"line_search_fn\": \"strong_wolfe\", \"max_eval\": 500}",
      "{\"type\": \"newton_cg\", \"max_iter\": 100, \"max_eval\": 1000}"})
  void reachesTheRosenbrockMinimum(String spec) {
    FullBatchOptimizer optimizer = Specs.optimizer(spec.replace("}", ", \"tolerance_change\": 1e-15}"));
    double[] x = {-1.5, 2};
    for (int step = 0; step < 20; step++) {
      optimizer.step(objective(new Rosenbrock(2)), x);
    }
    assertThat(x).containsExactly(new double[] {1, 1}, within(1e-6));
  }

  @Test
  void bfgsRefusesMoreParametersThanItsLimit() {
    FullBatchOptimizer bfgs = Specs.optimizer("{\"type\": \"bfgs\", \"max_params\": 9}");
    Objective quadratic = Specs.quadratic().objective();
    assertThatThrownBy(() -> bfgs.step(quadratic, new double[DIMENSION]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 parameters exceed its limit of 9 (max_params)");
  }

  @Test
  void lbfgsReportsWhyEachStepStopped() {
    StepRecord record = Specs.optimizer("{\"type\": \"lbfgs\", \"max_iter\": 100, \"max_eval\": 7}")
        .step(objective(new Rosenbrock(2)), new double[] {-1.5, 2});
    assertThat(record.stop()).isEqualTo(StopReason.MAX_EVALUATIONS);
    assertThat(record.evaluations()).isEqualTo(7);
    assertThat(record.iterations()).isEqualTo(6);
    assertThat(record.gradNorm()).isCloseTo(Math.hypot(155, 50), within(1e-12));
    assertThat(record.f()).isEqualTo(objective(new Rosenbrock(2)).value(new double[] {-1.5, 2}));
  }
}
