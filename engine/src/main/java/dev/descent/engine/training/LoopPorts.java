package dev.descent.engine.training;

import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;
import dev.descent.engine.spi.RuleSink;

/** The ports the loop reports to and listens on. */
public record LoopPorts(MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress,
    CancellationToken cancellation, RuleSink rules) {

  /** Ports that drop rule firings. */
  public LoopPorts(
      MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress, CancellationToken cancellation) {
    this(metrics, checkpoints, progress, cancellation, RuleSink.NONE);
  }
}
