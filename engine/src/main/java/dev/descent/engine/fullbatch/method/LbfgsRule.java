package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.Vectors;
import dev.descent.engine.fullbatch.loop.DirectionRule;
import dev.descent.engine.fullbatch.loop.LoopState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * L-BFGS directions by the two-loop recursion (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Algorithm 7.4; Liu &amp; Nocedal 1989), as PyTorch 1.13's {@code LBFGS} computes them: with s = t·d and
 * y = g − g_prev, a pair is stored only when yᵀs &gt; 1e-10 (the oldest dropped beyond {@code history_size}), and
 * the initial inverse Hessian is H₀ = (sᵀy / yᵀy)·I from the newest stored pair. Then d = −H·g.
 */
public final class LbfgsRule implements DirectionRule {
  /** PyTorch's curvature threshold below which a pair is skipped. */
  public static final double MIN_CURVATURE = 1e-10;
  public static final int DEFAULT_HISTORY_SIZE = 100;

  private final int historySize;
  private final Deque<Pair> history = new ArrayDeque<>();
  private double hDiag = 1;

  public LbfgsRule(int historySize) {
    this.historySize = historySize;
  }

  @Override
  public double[] direction(Objective objective, double[] x, double[] g, LoopState state) {
    if (state.iteration() == 1) {
      history.clear();
      hDiag = 1;
      return Vectors.scaled(-1, g);
    }
    remember(Vectors.minus(g, state.previousGradient()), state.displacement());
    return twoLoop(g);
  }

  private void remember(double[] y, double[] s) {
    double ys = Vectors.dot(y, s);
    if (ys > MIN_CURVATURE) {
      if (history.size() == historySize) {
        history.removeFirst();
      }
      history.addLast(new Pair(y, s, 1.0 / ys));
      hDiag = ys / Vectors.dot(y, y);
    }
  }

  private double[] twoLoop(double[] g) {
    double[] q = Vectors.scaled(-1, g);
    double[] alphas = new double[history.size()];
    int i = history.size();
    for (Iterator<Pair> newestFirst = history.descendingIterator(); newestFirst.hasNext(); ) {
      Pair p = newestFirst.next();
      alphas[--i] = Vectors.dot(p.s, q) * p.rho;
      Vectors.addScaled(q, -alphas[i], p.y);
    }
    double[] r = Vectors.scaled(hDiag, q);
    for (Pair p : history) {
      double beta = Vectors.dot(p.y, r) * p.rho;
      Vectors.addScaled(r, alphas[i++] - beta, p.s);
    }
    return r;
  }

  /** One curvature pair (y, s) with ρ = 1/yᵀs. */
  private record Pair(double[] y, double[] s, double rho) {}
}
