/**
 * Line searches along a descent direction d from x: the strong-Wolfe search with cubic interpolation (a line-by-line
 * port of PyTorch 1.13's {@code _strong_wolfe}, so that L-BFGS matches PyTorch step for step) and backtracking
 * Armijo. Each evaluates the objective at x + t·d and reports how many evaluations it spent.
 */
package dev.descent.engine.fullbatch.linesearch;
