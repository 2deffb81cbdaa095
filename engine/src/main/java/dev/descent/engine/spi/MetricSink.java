package dev.descent.engine.spi;

/**
 * Where the training loop reports metrics. Called on the training thread: implementations must not block on I/O
 * (buffer and write elsewhere). Standard names: per iteration {@code loss}, {@code grad_norm}, {@code lr}; per epoch
 * {@code train_loss}, {@code val_loss}, {@code train_accuracy}, {@code val_accuracy} (classification) or
 * {@code val_mse} (regression); with a job's diagnostics also {@code grad_norm/<layer>}, {@code update_ratio/<layer>},
 * {@code dead_fraction/<layer>}, {@code curvature} and {@code curvature_ratio} (see {@code docs/diagnostics.md}).
 */
@FunctionalInterface
public interface MetricSink {
  void record(MetricPoint point);

  /** Called when training stops (normally or not); an implementation may flush its buffer here. */
  default void flush() {}

  MetricSink NONE = point -> {};
}
