/**
 * The training loop: minibatch iteration with cooperative cancellation and divergence detection, per-iteration
 * metrics (loss, gradient norm, learning rate), per-epoch evaluation, and checkpoints as DL4J model zips.
 */
package dev.descent.engine.training;
