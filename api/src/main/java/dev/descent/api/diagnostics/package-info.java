/**
 * Diagnostics on request: the gradient check of a model spec
 * ({@link dev.descent.api.diagnostics.GradientCheckService}).
 */
package dev.descent.api.diagnostics;
