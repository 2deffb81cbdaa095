package dev.descent.engine.optim.updater;

import java.util.function.BiFunction;

/**
 * A scalar recurrence {@code x_t = f(x_{t-1}, t)} from {@code x_0}, evaluated in the reference's order and cached so
 * that consecutive steps cost one evaluation each. Used for quantities that depend on the step alone (NAdam's
 * momentum product, QHAdam's β weights) so that they need no state array.
 */
final class StepSeries {
  private final double initial;
  private final BiFunction<Double, Integer, Double> recurrence;
  private int step;
  private double value;

  StepSeries(double initial, BiFunction<Double, Integer, Double> recurrence) {
    this.initial = initial;
    this.recurrence = recurrence;
    this.value = initial;
  }

  double at(int t) {
    if (step > t) {
      step = 0;
      value = initial;
    }
    while (step < t) {
      step++;
      value = recurrence.apply(value, step);
    }
    return value;
  }
}
