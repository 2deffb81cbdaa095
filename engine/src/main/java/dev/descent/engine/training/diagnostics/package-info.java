/**
 * Training diagnostics ({@code /diagnostics} of a job spec, see {@code docs/diagnostics.md}): per-layer gradient
 * norms, update ratios and dead-unit fractions ({@link dev.descent.engine.training.diagnostics.LayerDiagnostics}), and
 * the curvature along the gradient of a fixed probe batch by a finite-difference Hessian-vector product
 * ({@link dev.descent.engine.training.diagnostics.Curvature}), both without disturbing training: parameters and
 * running statistics are restored bit for bit. {@link dev.descent.engine.training.diagnostics.Diagnostics} is what
 * the minibatch loop calls.
 */
package dev.descent.engine.training.diagnostics;
