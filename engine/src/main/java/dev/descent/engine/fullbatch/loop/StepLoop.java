package dev.descent.engine.fullbatch.loop;

import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.linesearch.LineSearchResult;

/**
 * One outer step exactly as PyTorch 1.13's {@code LBFGS.step(closure)} runs it, with the direction supplied by a
 * {@link DirectionRule}: evaluate f and g; stop if max|g| ≤ tolerance_grad; then per iteration take the rule's
 * direction d, stop if gᵀd &gt; −tolerance_change, move x ← x + t·d (t from the line search, or t = lr with a fresh
 * evaluation except after the last iteration) and stop on max_iter, max_eval, max|g| ≤ tolerance_grad,
 * max|t·d| ≤ tolerance_change or |f − f_prev| &lt; tolerance_change, in that order.
 */
public final class StepLoop implements FullBatchOptimizer {
  private final LoopSettings settings;
  private final DirectionRule rule;
  private final LoopState state = new LoopState();

  public StepLoop(LoopSettings settings, DirectionRule rule) {
    this.settings = settings;
    this.rule = rule;
  }

  @Override
  public StepRecord step(Objective objective, double[] x) {
    state.beginStep();
    CountingObjective counted = new CountingObjective(objective);
    Evaluation start = counted.evaluate(x);
    Iteration it = new Iteration(start.f(), start.g());
    StopReason stop = Vectors.maxAbs(start.g()) <= settings.toleranceGrad()
        ? StopReason.GRADIENT_TOLERANCE
        : iterate(counted, x, it);
    return new StepRecord(state.steps(), x.clone(), start.f(), start.g().clone(), Vectors.norm(start.g()),
        counted.count(), it.lineSearchEvaluations, it.count, it.lastStep, stop);
  }

  private StopReason iterate(CountingObjective objective, double[] x, Iteration it) {
    while (true) {
      it.count++;
      state.beginIteration();
      double[] d = rule.direction(objective, x, it.g, state);
      state.remember(d, it.g);
      double previousLoss = it.f;
      state.setStep(rule.initialStep(state, it.g, settings.lr()));
      double gtd = Vectors.dot(it.g, d);
      if (gtd > -settings.toleranceChange()) {
        return StopReason.DIRECTIONAL_DERIVATIVE;
      }
      boolean optimal = move(objective, x, d, gtd, it);
      StopReason stop = stopAfter(objective, d, previousLoss, optimal, it);
      if (stop != null) {
        return stop;
      }
    }
  }

  private boolean move(CountingObjective objective, double[] x, double[] d, double gtd, Iteration it) {
    if (settings.lineSearch() != null) {
      LineSearchResult r = settings.lineSearch().search(objective, x, state.step(), d, it.f, it.g, gtd);
      it.f = r.f();
      it.g = r.g();
      it.lineSearchEvaluations += r.evaluations();
      state.setStep(r.t());
      it.lastStep = r.t();
      Vectors.addScaled(x, r.t(), d);
      return Vectors.maxAbs(it.g) <= settings.toleranceGrad();
    }
    it.lastStep = state.step();
    Vectors.addScaled(x, state.step(), d);
    if (it.count == settings.maxIter()) {
      return false;
    }
    Evaluation e = objective.evaluate(x);
    it.f = e.f();
    it.g = e.g();
    return Vectors.maxAbs(it.g) <= settings.toleranceGrad();
  }

  private StopReason stopAfter(
      CountingObjective objective, double[] d, double previousLoss, boolean optimal, Iteration it) {
    if (it.count == settings.maxIter()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (objective.count() >= settings.maxEval()) {
      return StopReason.MAX_EVALUATIONS;
    }
    if (optimal) {
      return StopReason.GRADIENT_TOLERANCE;
    }
    if (Vectors.maxAbs(d) * Math.abs(state.step()) <= settings.toleranceChange()) {
      return StopReason.STEP_TOLERANCE;
    }
    if (Math.abs(it.f - previousLoss) < settings.toleranceChange()) {
      return StopReason.FUNCTION_CHANGE_TOLERANCE;
    }
    return null;
  }

  /** The running f and g of the current step, and its counters. */
  private static final class Iteration {
    double f;
    double[] g;
    int count;
    int lineSearchEvaluations;
    double lastStep;

    Iteration(double f, double[] g) {
      this.f = f;
      this.g = g;
    }
  }
}
