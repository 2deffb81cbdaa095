/**
 * The outer-step loop every line-search method shares, PyTorch 1.13's {@code LBFGS.step} with the search direction
 * left open: {@link dev.descent.engine.fullbatch.loop.StepLoop} runs iterations, line searches and PyTorch's
 * stopping tests; a {@link dev.descent.engine.fullbatch.loop.DirectionRule} (L-BFGS, BFGS, CG, Newton, …) supplies
 * each direction from the {@link dev.descent.engine.fullbatch.loop.LoopState} carried across steps.
 */
package dev.descent.engine.fullbatch.loop;
