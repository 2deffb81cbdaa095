package dev.descent.engine.spec;

/**
 * What any queued job asks for, whatever its task: a {@link TrainingSpec} (task {@code train}, the default), an
 * {@link OnlineJobSpec} (task {@code online}) or an {@link LrRangeTestSpec} (task {@code lr_range_test}). Exposes
 * what the queue and the checkpoint store need; {@link JobSpecs} reads and writes every kind.
 */
public sealed interface JobSpec permits TrainingSpec, OnlineJobSpec, LrRangeTestSpec {

  String name();

  /** Higher runs first. */
  int priority();

  /** How many attempts the queue grants before the job fails for good. */
  int maxAttempts();

  /** How many periodic checkpoints are kept (the final one always is). */
  int keepLast();
}
