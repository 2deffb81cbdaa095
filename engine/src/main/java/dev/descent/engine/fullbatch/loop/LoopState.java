package dev.descent.engine.fullbatch.loop;

import dev.descent.engine.fullbatch.core.Vectors;

/**
 * What PyTorch's {@code LBFGS} keeps in {@code state} between {@code step} calls: the last direction {@code d}, the
 * last step length {@code t}, the gradient the last direction was computed from and the global iteration count
 * {@code n_iter}; and the number of outer steps taken.
 */
public final class LoopState {
  private double[] direction;
  private double step;
  private double[] previousGradient;
  private long iteration;
  private long steps;

  /** The direction of the previous iteration (null before the first). */
  public double[] direction() {
    return direction;
  }

  /** The step length of the previous iteration. */
  public double step() {
    return step;
  }

  /** s = t·d, the previous iteration's displacement. */
  public double[] displacement() {
    return Vectors.scaled(step, direction);
  }

  /** The gradient at the start of the previous iteration. */
  public double[] previousGradient() {
    return previousGradient;
  }

  /** The global iteration number, counted from 1 across steps ({@code n_iter}). */
  public long iteration() {
    return iteration;
  }

  public long steps() {
    return steps;
  }

  void beginStep() {
    steps++;
  }

  void beginIteration() {
    iteration++;
  }

  void remember(double[] d, double[] g) {
    direction = d;
    previousGradient = g.clone();
  }

  void setStep(double t) {
    step = t;
  }
}
