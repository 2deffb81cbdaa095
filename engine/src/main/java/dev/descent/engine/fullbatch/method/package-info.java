/**
 * The search directions of the line-search methods, each a
 * {@link dev.descent.engine.fullbatch.loop.DirectionRule}: L-BFGS (PyTorch's), dense BFGS, nonlinear conjugate
 * gradient, steepest descent, damped Newton with a finite-difference Hessian, and Hessian-free Newton-CG.
 */
package dev.descent.engine.fullbatch.method;
