package dev.descent.engine.fullbatch.linesearch;

import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;

/** One point on the line: step t, φ(t) = f(x + t·d), the gradient there and φ'(t) = gᵀd. */
record Trial(double t, double f, double[] g, double gtd) {

  static Trial at(Objective objective, double[] x, double t, double[] d) {
    Evaluation e = objective.evaluate(Vectors.plusScaled(x, t, d));
    return new Trial(t, e.f(), e.g(), Vectors.dot(e.g(), d));
  }

  LineSearchResult result(int evaluations) {
    return new LineSearchResult(f, g, t, evaluations);
  }
}
