package dev.descent.engine.spi;

/** Cooperative cancellation: the training loop checks it between iterations and stops within one iteration. */
@FunctionalInterface
public interface CancellationToken {
  boolean isCancelled();

  /**
   * Whether the loop should save a resumable checkpoint of where it stopped before it returns (a service that drains
   * on shutdown asks for one, so the job continues from that update after a restart; a user's cancel does not).
   */
  default boolean checkpointOnStop() {
    return false;
  }

  CancellationToken NEVER = () -> false;
}
