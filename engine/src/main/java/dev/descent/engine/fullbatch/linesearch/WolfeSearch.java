package dev.descent.engine.fullbatch.linesearch;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;

/** One run of {@link StrongWolfe}: PyTorch's {@code _strong_wolfe}, bracketing then zoom, statement for statement. */
final class WolfeSearch {
  private final StrongWolfe config;
  private final Objective objective;
  private final double[] x;
  private final double[] d;
  private final Trial start;
  private final double dNorm;
  private final Trial[] bracket = new Trial[2];
  private int evaluations;
  private int iterations;
  private boolean done;
  private boolean insufficientProgress;
  private int low;
  private int high;

  WolfeSearch(StrongWolfe config, Objective objective, double[] x, double[] d, Trial start) {
    this.config = config;
    this.objective = objective;
    this.x = x;
    this.d = d;
    this.start = start;
    this.dNorm = Vectors.maxAbs(d);
  }

  LineSearchResult run(double t) {
    bracketPhase(t);
    zoomPhase();
    return bracket[low].result(evaluations);
  }

  private void bracketPhase(double t) {
    Trial current = evaluate(t);
    Trial previous = start;
    while (iterations < config.maxIterations()) {
      if (!sufficientDecrease(current) || (iterations > 1 && current.f() >= previous.f())) {
        setBracket(previous, current);
        return;
      }
      if (curvatureHolds(current)) {
        bracket[0] = current;
        bracket[1] = current;
        done = true;
        return;
      }
      if (current.gtd() >= 0) {
        setBracket(previous, current);
        return;
      }
      double minStep = current.t() + 0.01 * (current.t() - previous.t());
      double maxStep = current.t() * 10;
      double next = CubicInterpolation.minimize(
          previous.t(), previous.f(), previous.gtd(), current.t(), current.f(), current.gtd(), minStep, maxStep);
      previous = current;
      current = evaluate(next);
      iterations++;
    }
    setBracket(start, current);
  }

  private void zoomPhase() {
    while (!done && iterations < config.maxIterations()) {
      if (Math.abs(bracket[1].t() - bracket[0].t()) * dNorm < config.toleranceChange()) {
        break;
      }
      double t = CubicInterpolation.minimize(
          bracket[0].t(), bracket[0].f(), bracket[0].gtd(), bracket[1].t(), bracket[1].f(), bracket[1].gtd());
      Trial current = evaluate(awayFromTheEnds(t));
      iterations++;
      narrow(current);
    }
  }

  /**
   * Keeps a trial at least 10% of the bracket away from its ends when it falls outside or, twice running, too
   * close to one ("insufficient progress").
   */
  private double awayFromTheEnds(double t) {
    double hi = Math.max(bracket[0].t(), bracket[1].t());
    double lo = Math.min(bracket[0].t(), bracket[1].t());
    double eps = 0.1 * (hi - lo);
    if (!(Math.min(hi - t, t - lo) < eps)) {
      insufficientProgress = false;
      return t;
    }
    if (insufficientProgress || t >= hi || t <= lo) {
      insufficientProgress = false;
      return Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps;
    }
    insufficientProgress = true;
    return t;
  }

  private void narrow(Trial current) {
    if (!sufficientDecrease(current) || current.f() >= bracket[low].f()) {
      bracket[high] = current;
      orderLowHigh();
      return;
    }
    if (curvatureHolds(current)) {
      done = true;
    } else if (current.gtd() * (bracket[high].t() - bracket[low].t()) >= 0) {
      bracket[high] = bracket[low];
    }
    bracket[low] = current;
  }

  private boolean sufficientDecrease(Trial trial) {
    return !(trial.f() > start.f() + config.c1() * trial.t() * start.gtd());
  }

  private boolean curvatureHolds(Trial trial) {
    return Math.abs(trial.gtd()) <= -config.c2() * start.gtd();
  }

  private void setBracket(Trial first, Trial second) {
    bracket[0] = first;
    bracket[1] = second;
    orderLowHigh();
  }

  private void orderLowHigh() {
    low = bracket[0].f() <= bracket[1].f() ? 0 : 1;
    high = 1 - low;
  }

  private Trial evaluate(double t) {
    evaluations++;
    return Trial.at(objective, x, t, d);
  }
}
