/**
 * Diagnostics run on request: {@link dev.descent.engine.diagnostics.GradientCheck}, the double-precision
 * central-difference check of a model spec's analytic gradient, answered per parameter block.
 */
package dev.descent.engine.diagnostics;
