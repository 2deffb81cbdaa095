package dev.descent.engine.training;

import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;

/** The ports the loop reports to and listens on. */
public record LoopPorts(
    MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress, CancellationToken cancellation) {}
