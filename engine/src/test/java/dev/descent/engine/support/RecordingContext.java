package dev.descent.engine.support;

import dev.descent.engine.TrainingContext;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import java.util.ArrayList;
import java.util.List;

/** A training context that records what the engine reports, for assertions. */
public final class RecordingContext {
  public final List<MetricPoint> metrics = new ArrayList<>();
  public final List<Checkpoint> checkpoints = new ArrayList<>();
  public final List<Progress> progress = new ArrayList<>();
  public int flushes;

  public TrainingContext context(CancellationToken cancellation, byte[] resumeFrom) {
    return new TrainingContext(
        new dev.descent.engine.spi.MetricSink() {
          @Override
          public void record(MetricPoint point) {
            metrics.add(point);
          }

          @Override
          public void flush() {
            flushes++;
          }
        },
        checkpoints::add, progress::add, cancellation, resumeFrom);
  }

  public TrainingContext context() {
    return context(CancellationToken.NEVER, null);
  }

  public List<Double> values(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).map(MetricPoint::value).toList();
  }

  public List<MetricPoint> points(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).toList();
  }
}
