package dev.descent.engine.online;

import dev.descent.engine.online.input.Example;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Runs an {@link OnlineModel} over a stream, each sample once, in order, in batches of {@code batchSize} samples
 * (the last one may be shorter). Every sample of a batch is scored with the weights learnt from the samples before
 * the batch (progressive validation, Blum, Kalai and Langford 1999), then the batch makes one update
 * ({@link GradientBatch}: the sample's own gradient for a batch of one, else the batch's mean gradient). Whenever a
 * batch reaches a multiple of the reporting interval it records, at step = samples seen: {@code progressive_loss}
 * (the mean score of that batch: the sample's own with batches of one), {@code progressive_loss_avg} (mean of all
 * scores so far), {@code nonzeros}, {@code nonzero_fraction} and {@code lr}, all with epoch 0.
 */
public final class OnlineTrainer {
  private final MetricSink metrics;
  private final Consumer<WeightSnapshot> snapshots;
  private final CancellationToken cancellation;
  private final Reporting reporting;
  private final int batchSize;

  /** One update per sample. */
  public OnlineTrainer(
      MetricSink metrics,
      Consumer<WeightSnapshot> snapshots,
      CancellationToken cancellation,
      Reporting reporting) {
    this(metrics, snapshots, cancellation, reporting, 1);
  }

  public OnlineTrainer(
      MetricSink metrics,
      Consumer<WeightSnapshot> snapshots,
      CancellationToken cancellation,
      Reporting reporting,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1");
    }
    this.metrics = metrics;
    this.snapshots = snapshots;
    this.cancellation = cancellation;
    this.reporting = reporting;
    this.batchSize = batchSize;
  }

  /** Trains a fresh model on the whole stream. */
  public OnlineResult train(OnlineModel model, Iterator<Example> stream) {
    return run(model, stream, 0, 0.0);
  }

  /**
   * Continues from {@code snapshot} with a model built from the same spec and batch size: restores the learner
   * (after {@code ⌈step/batchSize⌉} updates, as only a stream's last batch is short), skips the
   * {@code snapshot.step()} samples it has seen (the stream starts from the beginning) and trains on the rest.
   */
  public OnlineResult resume(OnlineModel model, WeightSnapshot snapshot, Iterator<Example> stream) {
    model.learner().restore((snapshot.step() + batchSize - 1) / batchSize, snapshot.state());
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
    GradientBatch batch = new GradientBatch();
    double lossSum = seenLossSum;
    long t = seen;
    try {
      while (stream.hasNext()) {
        if (cancellation.isCancelled()) {
          return new OnlineResult(t, lossSum / Math.max(t, 1), learner.nonzeros(), true);
        }
        double batchLoss = 0.0;
        while (batch.size() < batchSize && stream.hasNext()) {
          Example example = stream.next();
          double margin = learner.margin(example.x());
          double loss = model.loss().value(margin, example.y());
          batch.add(example.x(), model.loss().slope(margin, example.y()));
          lossSum += loss;
          batchLoss += loss;
        }
        int n = batch.size();
        batch.train(learner);
        t += n;
        report(learner, t - n, t, batchLoss / n, lossSum, !stream.hasNext());
      }
    } finally {
      metrics.flush();
    }
    return new OnlineResult(t, lossSum / Math.max(t, 1), learner.nonzeros(), false);
  }

  private void report(OnlineLearner learner, long before, long t, double loss, double lossSum, boolean last) {
    if (last || crossed(before, t, reporting.metricsEvery())) {
      int nonzeros = learner.nonzeros();
      metrics.record(new MetricPoint("progressive_loss", t, 0, loss));
      metrics.record(new MetricPoint("progressive_loss_avg", t, 0, lossSum / t));
      metrics.record(new MetricPoint("nonzeros", t, 0, nonzeros));
      metrics.record(new MetricPoint("nonzero_fraction", t, 0, nonzeros / (double) learner.dimension()));
      metrics.record(new MetricPoint("lr", t, 0, learner.learningRate()));
    }
    boolean periodic = reporting.snapshotEvery() > 0 && crossed(before, t, reporting.snapshotEvery());
    if (last || periodic) {
      snapshots.accept(new WeightSnapshot(t, lossSum, learner.nonzeros(), learner.state()));
    }
  }

  /** Whether going from {@code before} to {@code t} samples passes a multiple of {@code every}. */
  private static boolean crossed(long before, long t, long every) {
    return t / every > before / every;
  }
}
