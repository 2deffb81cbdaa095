package dev.descent.engine.playground;

import java.util.List;

/**
 * A method that walks a {@link TestFunction} from a start point: the seam between the playground and its methods.
 * First-order methods are {@link FirstOrderMethod}; full-batch methods (L-BFGS, CG, …) plug in through
 * {@link Playground#Playground(java.util.Map)}.
 */
@FunctionalInterface
public interface TrajectoryMethod {
  /** The {@code steps} points after each step, in order. */
  List<TrajectoryPoint> run(TestFunction function, double[] start, int steps);
}
