package dev.descent.engine.spec;

/**
 * When checkpoints are taken: a periodic one every {@code everyEpochs} epochs and one every
 * {@code everyIterations} iterations (0: none), of which the last {@code keepLast} are kept, together with the best
 * {@code keepBest} (0: off) by the validation metric {@code bestMetric}, lower being better when {@code bestMode} is
 * {@code min}, higher when {@code max} ({@code auto}: min for names containing "loss" or "mse", max otherwise); the
 * final checkpoint is always taken and kept. An iteration checkpoint may fall mid-epoch; a run resumed from it
 * continues exactly there.
 */
public record CheckpointPolicy(
    int everyEpochs, int keepLast, int everyIterations, int keepBest, String bestMetric, String bestMode) {
  public static final int DEFAULT_EVERY_EPOCHS = 0;
  public static final int DEFAULT_KEEP_LAST = 3;
  public static final int DEFAULT_EVERY_ITERATIONS = 0;
  public static final int DEFAULT_KEEP_BEST = 0;
  public static final String DEFAULT_BEST_METRIC = "val_loss";
  public static final String DEFAULT_BEST_MODE = "auto";

  /** A policy without best-K retention. */
  public CheckpointPolicy(int everyEpochs, int keepLast, int everyIterations) {
    this(everyEpochs, keepLast, everyIterations, DEFAULT_KEEP_BEST, DEFAULT_BEST_METRIC, DEFAULT_BEST_MODE);
  }

  /** A policy without iteration checkpoints. */
  public CheckpointPolicy(int everyEpochs, int keepLast) {
    this(everyEpochs, keepLast, DEFAULT_EVERY_ITERATIONS);
  }
}
