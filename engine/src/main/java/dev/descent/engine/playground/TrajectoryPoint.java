package dev.descent.engine.playground;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a trajectory: {@code t} counts steps from 1, {@code x} is the point after the step, {@code f = f(x)},
 * {@code g} the gradient at the point the step started from. {@code ax} is the Polyak average after the step, for
 * averaging methods (ASGD) only; {@code evaluations} the function evaluations a full-batch step made (null for
 * first-order methods).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrajectoryPoint(int t, double[] x, double f, double[] g, double[] ax, Integer evaluations) {
  /** A point of a first-order method: one gradient evaluation per step, no count recorded. */
  public TrajectoryPoint(int t, double[] x, double f, double[] g, double[] ax) {
    this(t, x, f, g, ax, null);
  }
}
