package dev.descent.engine;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.OnlineModel;
import dev.descent.engine.online.OnlineResult;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.OnlineSpecs;
import dev.descent.engine.online.OnlineTrainer;
import dev.descent.engine.online.Reporting;
import dev.descent.engine.online.WeightSnapshot;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.job.ExampleStream;
import dev.descent.engine.online.job.OnlineStreams;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.CheckpointSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Runs one online job on the calling thread: builds its stream and learner, trains with {@link OnlineTrainer}
 * (metrics {@code progressive_loss}, {@code progressive_loss_avg}, {@code nonzeros}, {@code nonzero_fraction},
 * {@code lr} at step = samples seen, every {@code reportEvery} samples and at the last), one update per
 * {@code batchSize} samples, reports progress per sample and stops within one update of cancellation. Checkpoints
 * have kind {@code periodic} (every {@code checkpoint.everySamples}, at the end of the batch that reaches it) or
 * {@code final}, step = samples seen, epoch 0, and as content {@link OnlineSnapshots#encode} of the learner's state:
 * gzip of the online snapshot format, NOT a DL4J model zip. Given {@code resumeFrom} (such content), it restores the
 * learner and continues at the same stream position, bit-identically to an uninterrupted run. A file stream is
 * closed however training ends.
 */
final class OnlineJobRunner {

  private final DataFolder data;

  /** A runner whose file streams are read from {@code data}. */
  OnlineJobRunner(DataFolder data) {
    this.data = data;
  }

  TrainingOutcome run(OnlineJobSpec spec, TrainingContext ctx) {
    return run(spec, OnlineStreams.open(spec, data), ctx);
  }

  /** Runs {@code spec} on {@code stream} instead of the stream it names (tests feed reference streams here). */
  TrainingOutcome run(OnlineJobSpec spec, ExampleStream stream, TrainingContext ctx) {
    OnlineModel model = OnlineSpecs.create(spec.learner(), stream.dimension());
    OnlineTrainer trainer = new OnlineTrainer(
        ctx.metrics(),
        snapshot -> save(ctx.checkpoints(), snapshot, stream.size()),
        ctx.cancellation(),
        new Reporting(spec.reportEvery(), spec.checkpoint().everySamples()),
        spec.batchSize());
    Iterator<Example> source = stream.examples().iterator();
    Iterator<Example> examples = new ProgressReportingIterator<>(source, stream.size(), ctx.progress());
    OnlineResult result;
    try {
      result = ctx.resumeFrom() == null
          ? trainer.train(model, examples)
          : trainer.resume(model, OnlineSnapshots.decode(ctx.resumeFrom()), examples);
    } finally {
      close(source);
    }
    ctx.progress().progress(ProgressReportingIterator.progress(result.steps(), stream.size()));
    return outcome(result);
  }

  /** Closes a stream that reads a file (training may stop before its end). */
  private static void close(Iterator<Example> source) {
    if (source instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void save(CheckpointSink sink, WeightSnapshot snapshot, long size) {
    CheckpointKind kind = snapshot.step() == size ? CheckpointKind.FINAL : CheckpointKind.PERIODIC;
    Map<String, Double> metrics = Map.of(
        "progressive_loss_avg", snapshot.progressiveLossAverage(), "nonzeros", (double) snapshot.nonzeros());
    sink.save(new Checkpoint(kind.wireName(), snapshot.step(), 0, OnlineSnapshots.encode(snapshot), metrics));
  }

  private static TrainingOutcome outcome(OnlineResult result) {
    TrainingOutcome.Status status =
        result.cancelled() ? TrainingOutcome.Status.CANCELLED : TrainingOutcome.Status.SUCCEEDED;
    Map<String, Double> metrics = Map.of(
        "progressive_loss_avg", result.progressiveLossAverage(), "nonzeros", (double) result.nonzeros());
    return new TrainingOutcome(status, null, null, result.steps(), metrics);
  }
}
