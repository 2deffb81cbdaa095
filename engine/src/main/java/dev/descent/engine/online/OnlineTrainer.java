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

  /** Trains a fresh model on the whole stream. */
  public OnlineResult train(OnlineModel model, Iterator<Example> stream) {
    return run(model, stream, 0, 0.0);
  }

  /**
   * Continues from {@code snapshot} with a model built from the same spec: restores the learner, skips the
   * {@code snapshot.step()} samples it has seen (the stream starts from the beginning) and trains on the rest.
   */
  public OnlineResult resume(OnlineModel model, WeightSnapshot snapshot, Iterator<Example> stream) {
    model.learner().restore(snapshot.step(), snapshot.state());
    for (long skipped = 0; skipped < snapshot.step(); skipped++) {
      if (!stream.hasNext()) {
        throw new IllegalArgumentException("stream ends before the snapshot's step " + snapshot.step());
      }
      stream.next();
    }
    return run(model, stream, snapshot.step(), snapshot.progressiveLossSum());
  }

  private OnlineResult run(OnlineModel model, Iterator<Example> stream, long seen, double seenLossSum) {
    OnlineLearner learner = model.learner();
    double lossSum = seenLossSum;
    long t = seen;
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
        report(learner, t, loss, lossSum, !stream.hasNext());
      }
    } finally {
      metrics.flush();
    }
    return new OnlineResult(t, lossSum / Math.max(t, 1), learner.nonzeros(), false);
  }

  private void report(OnlineLearner learner, long t, double loss, double lossSum, boolean last) {
    if (last || t % reporting.metricsEvery() == 0) {
      int nonzeros = learner.nonzeros();
      metrics.record(new MetricPoint("progressive_loss", t, 0, loss));
      metrics.record(new MetricPoint("progressive_loss_avg", t, 0, lossSum / t));
      metrics.record(new MetricPoint("nonzeros", t, 0, nonzeros));
      metrics.record(new MetricPoint("nonzero_fraction", t, 0, nonzeros / (double) learner.dimension()));
      metrics.record(new MetricPoint("lr", t, 0, learner.learningRate()));
    }
    boolean periodic = reporting.snapshotEvery() > 0 && t % reporting.snapshotEvery() == 0;
    if (last || periodic) {
      snapshots.accept(new WeightSnapshot(t, lossSum, learner.nonzeros(), learner.state()));
    }
  }
}
