package dev.descent.engine.spec;

/**
 * When checkpoints are taken: a periodic one every {@code everyEpochs} epochs (0: none), of which the last
 * {@code keepLast} are kept; the final checkpoint is always taken and kept.
 */
public record CheckpointPolicy(int everyEpochs, int keepLast) {
  public static final int DEFAULT_EVERY_EPOCHS = 0;
  public static final int DEFAULT_KEEP_LAST = 3;
}
