package dev.descent.engine.online;

import dev.descent.engine.online.input.Example;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Runs an {@link OnlineModel} over a stream, each sample once, in order. Step {@code t} scores sample {@code t} with
 * the weights learnt from samples {@code 1..t−1} (progressive validation, Blum, Kalai and Langford 1999), then trains
 * on it. Per reported step it records {@code progressive_loss} (that score), {@code progressive_loss_avg} (mean of
 * the scores so far), {@code nonzeros}, {@code nonzero_fraction} and {@code lr}, all with epoch 0.
 */
public final class OnlineTrainer {
  private final MetricSink metrics;
  private final Consumer<WeightSnapshot> snapshots;
  private final CancellationToken cancellation;
  private final Reporting reporting;

  public OnlineTrainer(
      MetricSink metrics,
      Consumer<WeightSnapshot> snapshots,
      CancellationToken cancellation,
      Reporting reporting) {
    this.metrics = metrics;
    this.snapshots = snapshots;
    this.cancellation = cancellation;
    this.reporting = reporting;
  }

  public OnlineResult train(OnlineModel model, Iterator<Example> stream) {
    OnlineLearner learner = model.learner();
    double lossSum = 0.0;
    long t = 0;
    try {
      while (stream.hasNext()) {
        if (cancellation.isCancelled()) {
          return new OnlineResult(t, lossSum / Math.max(t, 1), learner.nonzeros(), true);
        }
        Example example = stream.next();
        double margin = learner.margin(example.x());
        double loss = model.loss().value(margin, example.y());
        learner.update(example.x(), model.loss().slope(margin, example.y()));
        t++;
        lossSum += loss;
        report(learner, t, loss, lossSum / t, !stream.hasNext());
      }
    } finally {
      metrics.flush();
    }
    return new OnlineResult(t, lossSum / Math.max(t, 1), learner.nonzeros(), false);
  }

  private void report(OnlineLearner learner, long t, double loss, double average, boolean last) {
    if (last || t % reporting.metricsEvery() == 0) {
      int nonzeros = learner.nonzeros();
      metrics.record(new MetricPoint("progressive_loss", t, 0, loss));
      metrics.record(new MetricPoint("progressive_loss_avg", t, 0, average));
      metrics.record(new MetricPoint("nonzeros", t, 0, nonzeros));
      metrics.record(new MetricPoint("nonzero_fraction", t, 0, nonzeros / (double) learner.dimension()));
      metrics.record(new MetricPoint("lr", t, 0, learner.learningRate()));
    }
    boolean periodic = reporting.snapshotEvery() > 0 && t % reporting.snapshotEvery() == 0;
    if (last || periodic) {
      snapshots.accept(new WeightSnapshot(t, learner.weights(), average, learner.nonzeros()));
    }
  }
}
