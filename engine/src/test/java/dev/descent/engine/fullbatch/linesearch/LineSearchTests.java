package dev.descent.engine.fullbatch.linesearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import org.junit.jupiter.api.Test;

class LineSearchTests {
  private static final double[] X = {-1.5, 2};

  /** Rosenbrock, counting evaluations. */
  private static final class Rosenbrock implements Objective {
    int evaluations;

    @Override
    public double value(double[] x) {
      evaluations++;
      return (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);
    }

    @Override
    public double[] gradient(double[] x) {
      double inner = x[1] - x[0] * x[0];
      return new double[] {-2 * (1 - x[0]) - 400 * x[0] * inner, 200 * inner};
    }
  }

  @Test
  void strongWolfeStepSatisfiesBothConditions() {
    Rosenbrock f = new Rosenbrock();
    Evaluation start = new Evaluation(f.value(X), f.gradient(X));
    f.evaluations = 0;
    double[] d = Vectors.scaled(-1, start.g());
    double gtd = Vectors.dot(start.g(), d);
    LineSearchResult r = new StrongWolfe().search(f, X, 1, d, start.f(), start.g(), gtd);
    double[] xNew = Vectors.plusScaled(X, r.t(), d);
    assertThat(r.f()).isEqualTo(f.value(xNew)).isLessThanOrEqualTo(start.f() + 1e-4 * r.t() * gtd);
    assertThat(Math.abs(Vectors.dot(r.g(), d))).isLessThanOrEqualTo(0.9 * Math.abs(gtd));
    assertThat(r.evaluations()).isEqualTo(f.evaluations - 1).isGreaterThan(1);
    assertThat(X).containsExactly(-1.5, 2);
  }

  @Test
  void backtrackingHalvesUntilArmijoHolds() {
    Rosenbrock f = new Rosenbrock();
    double[] g = f.gradient(X);
    double[] d = Vectors.scaled(-1, g);
    double gtd = Vectors.dot(g, d);
    double f0 = f.value(X);
    LineSearchResult r = new BacktrackingArmijo(1e-4).search(f, X, 1, d, f0, g, gtd);
    assertThat(r.t()).isEqualTo(Math.pow(0.5, r.evaluations() - 1));
    assertThat(r.f()).isLessThanOrEqualTo(f0 + 1e-4 * r.t() * gtd);
    assertThat(f.value(Vectors.plusScaled(X, 2 * r.t(), d))).isGreaterThan(f0 + 1e-4 * 2 * r.t() * gtd);
  }

  @Test
  void backtrackingGivesUpWithoutMovingAlongAnAscentDirection() {
    Rosenbrock f = new Rosenbrock();
    double[] g = f.gradient(X);
    LineSearchResult r = new BacktrackingArmijo(1e-4, 0.5, 5).search(f, X, 1, g, f.value(X), g, -1);
    assertThat(r.t()).isZero();
    assertThat(r.evaluations()).isEqualTo(5);
  }

  @Test
  void cubicInterpolationIsExactOnAQuadratic() {
    // φ(t) = (t − 0.3)²: φ(0) = 0.09, φ'(0) = −0.6, φ(1) = 0.49, φ'(1) = 1.4
    assertThat(CubicInterpolation.minimize(0, 0.09, -0.6, 1, 0.49, 1.4)).isCloseTo(0.3, within(1e-15));
    assertThat(CubicInterpolation.minimize(1, 0.49, 1.4, 0, 0.09, -0.6)).isCloseTo(0.3, within(1e-15));
    assertThat(CubicInterpolation.minimize(0, 0.09, -0.6, 1, 0.49, 1.4, 0.5, 2)).isEqualTo(0.5);
  }
}
