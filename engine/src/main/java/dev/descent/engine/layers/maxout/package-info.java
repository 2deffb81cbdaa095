/**
 * Maxout (Goodfellow et al. 2013, "Maxout Networks", arXiv:1302.4389, eq. 1): configuration
 * ({@link dev.descent.engine.layers.maxout.Maxout}), parameter initializer and a hand-written forward and backward
 * layer. Unit {@code j} outputs {@code h_j(x) = max_{p < k} z_{j·k + p}} with {@code z = x Wᵀ + b},
 * {@code W} of shape {@code [units·k, nIn]}: the pieces of one unit are contiguous.
 */
package dev.descent.engine.layers.maxout;
