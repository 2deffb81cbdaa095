/**
 * Timing of the normalization layers in a small CNN, run as a plain main (see {@code docs/bench-norm.md} for the
 * command and the numbers).
 */
package dev.descent.engine.layers.bench;
