package dev.descent.engine.spi;

/**
 * Where the training loop reports the firings of a job's rules (each one a timeline event). Called on the training
 * thread, rarely (a rule fires once per crossing): implementations must not block on I/O.
 */
@FunctionalInterface
public interface RuleSink {
  void fired(RuleFiring firing);

  RuleSink NONE = firing -> {};
}
