/**
 * The contracts every full-batch optimizer shares: the {@link dev.descent.engine.fullbatch.core.Objective} it
 * minimizes over a flat {@code double[]} vector, the per-step {@link dev.descent.engine.fullbatch.core.StepRecord}
 * and its {@link dev.descent.engine.fullbatch.core.StopReason}, and the float64 vector helpers they use.
 */
package dev.descent.engine.fullbatch.core;
