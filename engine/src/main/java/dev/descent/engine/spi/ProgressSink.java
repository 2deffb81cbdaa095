package dev.descent.engine.spi;

/** Receives progress at every iteration; must be cheap (called on the training thread). */
@FunctionalInterface
public interface ProgressSink {
  void progress(Progress progress);

  ProgressSink NONE = progress -> {};
}
