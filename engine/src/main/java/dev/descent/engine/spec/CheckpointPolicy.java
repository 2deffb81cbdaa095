package dev.descent.engine.spec;

/**
 * When checkpoints are taken: a periodic one every {@code everyEpochs} epochs and one every
 * {@code everyIterations} iterations (0: none), of which the last {@code keepLast} are kept; the final checkpoint is
 * always taken and kept. An iteration checkpoint may fall mid-epoch; a run resumed from it continues exactly there.
 */
public record CheckpointPolicy(int everyEpochs, int keepLast, int everyIterations) {
  public static final int DEFAULT_EVERY_EPOCHS = 0;
  public static final int DEFAULT_KEEP_LAST = 3;
  public static final int DEFAULT_EVERY_ITERATIONS = 0;

  /** A policy without iteration checkpoints. */
  public CheckpointPolicy(int everyEpochs, int keepLast) {
    this(everyEpochs, keepLast, DEFAULT_EVERY_ITERATIONS);
  }
}
