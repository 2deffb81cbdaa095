package dev.descent.engine;

import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;

/**
 * What a training run talks to. {@code resumeFrom} is a checkpoint's content (model zip) to continue from, or null to
 * start fresh.
 */
public record TrainingContext(
    MetricSink metrics,
    CheckpointSink checkpoints,
    ProgressSink progress,
    CancellationToken cancellation,
    byte[] resumeFrom) {

  public static TrainingContext silent() {
    return new TrainingContext(
        MetricSink.NONE, CheckpointSink.NONE, ProgressSink.NONE, CancellationToken.NEVER, null);
  }
}
