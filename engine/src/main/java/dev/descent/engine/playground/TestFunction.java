package dev.descent.engine.playground;

/** A differentiable function on ℝⁿ to run optimizers on. */
public interface TestFunction {
  /** The number of coordinates this function takes. */
  int dimension();

  double value(double[] x);

  /** ∇f(x), a new array. */
  double[] gradient(double[] x);
}
