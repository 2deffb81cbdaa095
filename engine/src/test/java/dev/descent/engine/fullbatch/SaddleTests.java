package dev.descent.engine.fullbatch;

import static dev.descent.engine.playground.FullBatchMethods.objective;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.playground.Saddle;
import org.junit.jupiter.api.Test;

/**
 * The seed's warning on f = x₀² − x₁² from (1, 0.001): Newton's method is attracted to the saddle at the origin,
 * while damped Newton with a large α moves like gradient descent, away from it along the negative curvature.
 */
class SaddleTests {
  private static final double[] START = {1, 0.001};
  private static final double LARGE_DAMPING = 1_000;

  @Test
  void newtonJumpsOntoTheSaddlePoint() {
    double[] x = START.clone();
    Specs.optimizer("{\"type\": \"newton\", \"max_iter\": 1}").step(objective(new Saddle()), x);
    assertThat(x).containsExactly(new double[] {0, 0}, within(1e-9));
  }

  @Test
  void dampedNewtonWithLargeAlphaFollowsTheNegativeGradient() {
    Objective saddle = objective(new Saddle());
    double[] x = START.clone();
    Specs.optimizer("{\"type\": \"newton\", \"max_iter\": 1, \"damping\": " + LARGE_DAMPING + "}").step(saddle, x);
    double[] moved = Vectors.minus(x, START);
    double[] descent = Vectors.scaled(-1, saddle.gradient(START));
    double cosine = Vectors.dot(moved, descent) / (Vectors.norm(moved) * Vectors.norm(descent));
    assertThat(cosine).isGreaterThan(1 - 1e-9);
    assertThat(Vectors.norm(moved)).isCloseTo(Vectors.norm(descent) / LARGE_DAMPING, within(1e-5));
    assertThat(Math.abs(x[1])).as("escapes along x₁").isGreaterThan(Math.abs(START[1]));
  }

  @Test
  void newtonCgTakesTheNegativeGradientAtNegativeCurvature() {
    double[] x = {0.001, 1};
    Specs.optimizer("{\"type\": \"newton_cg\", \"max_iter\": 1, \"lr\": 0.1, \"line_search_fn\": null}")
        .step(objective(new Saddle()), x);
    assertThat(x).containsExactly(new double[] {0.001 - 0.1 * 0.002, 1 + 0.1 * 2}, within(1e-12));
  }

  @Test
  void newtonRefusesToClimbWhenItsDirectionAscends() {
    double[] x = {0.001, 1};
    StepRecord record = Specs.optimizer("{\"type\": \"newton\"}").step(objective(new Saddle()), x);
    assertThat(record.stop()).isEqualTo(StopReason.DIRECTIONAL_DERIVATIVE);
    assertThat(record.stepSize()).isZero();
    assertThat(x).containsExactly(0.001, 1);
  }
}
