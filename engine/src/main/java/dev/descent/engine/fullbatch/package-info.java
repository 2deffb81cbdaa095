/**
 * Full-batch and second-order optimizers over a flat float64 parameter vector, selected by a job spec's
 * {@code optimizer} like any other: {@link dev.descent.engine.fullbatch.FullBatchOptimizers} checks the JSON
 * ({@code SpecValidator}), reads it once into a {@link dev.descent.engine.fullbatch.FullBatchSettings} record, and
 * builds from the record {@code lbfgs} (PyTorch's {@code LBFGS} exactly), {@code cg}, {@code bfgs}, {@code newton},
 * {@code newton_cg}, {@code steepest_descent} and {@code coordinate_descent}. The pieces live in the sub-packages:
 * {@code core} (contracts), {@code linesearch}, {@code loop} (PyTorch's step loop), {@code method} (search
 * directions), {@code coordinate} and {@code network} (the DL4J adapter).
 */
package dev.descent.engine.fullbatch;
