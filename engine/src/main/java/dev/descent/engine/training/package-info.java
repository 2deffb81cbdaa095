/**
 * The training loops. {@code TrainingLoop}: minibatch iteration with cooperative cancellation and divergence
 * detection, global gradient clipping, a plateau schedule fed per epoch, Polyak averages, per-iteration metrics (loss,
 * gradient norm, learning rate), per-epoch evaluation, and checkpoints (DL4J model zips plus the loop's resume state)
 * from which a run resumes exactly, mid-epoch included. {@code FullBatchTrainingLoop}: the full-batch optimizers of
 * {@code dev.descent.engine.fullbatch} on the whole training set, one outer step per epoch.
 */
package dev.descent.engine.training;
