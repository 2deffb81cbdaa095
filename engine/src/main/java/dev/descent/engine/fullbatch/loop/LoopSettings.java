package dev.descent.engine.fullbatch.loop;

import dev.descent.engine.fullbatch.linesearch.LineSearch;

/**
 * PyTorch {@code LBFGS}'s knobs, shared by every line-search method.
 *
 * @param lr the first trial step of each iteration (the fixed step without a line search)
 * @param maxIter iterations per step
 * @param maxEval function evaluations per step
 * @param toleranceGrad stop when max |g| ≤ this
 * @param toleranceChange stop when the loss or the parameters change by less than this
 * @param lineSearch null for fixed steps of length lr
 */
public record LoopSettings(
    double lr, int maxIter, int maxEval, double toleranceGrad, double toleranceChange, LineSearch lineSearch) {
  public static final double DEFAULT_LR = 1;
  public static final int DEFAULT_MAX_ITER = 20;
  public static final double DEFAULT_TOLERANCE_GRAD = 1e-7;
  public static final double DEFAULT_TOLERANCE_CHANGE = 1e-9;

  /** PyTorch's default {@code max_eval}: max_iter · 5 / 4 (integer division). */
  public static int defaultMaxEval(int maxIter) {
    return maxIter * 5 / 4;
  }
}
