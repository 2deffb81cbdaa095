package dev.descent.engine.spi;

/** Cooperative cancellation: the training loop checks it between iterations and stops within one iteration. */
@FunctionalInterface
public interface CancellationToken {
  boolean isCancelled();

  CancellationToken NEVER = () -> false;
}
