package dev.descent.engine.training;

import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.Progress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The job's ports as one loop of a pretrained job sees them ({@link GreedyPretraining}): each loop counts its own
 * iterations from 0, the job counts them all, the stages' first. A loop's steps are shifted by the iterations before
 * it, its progress becomes the job's (epochs and iterations of all stages and of the training). A stage's metrics are
 * renamed {@code pretrain_…} ({@code loss} → {@code pretrain_loss}; the per-epoch train and validation metrics too;
 * the rest dropped) with a {@code pretrain_stage} point (1..H) at its first step and every epoch end; its checkpoints
 * carry the stage ({@value GreedyPretraining#ENTRY}) and its metrics renamed, and its final checkpoint is dropped
 * (the stage's network is not the job's).
 */
final class PretrainingPorts {
  private static final Set<String> KEPT =
      Set.of("loss", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "val_mse");
  static final String PREFIX = "pretrain_";
  static final String STAGE = "pretrain_stage";

  /** Where a loop lies in the job: {@code iterations} and {@code epochs} before it, and the job's totals. */
  record Offset(long iterations, int epochs, long totalIterations, int totalEpochs) {}

  private PretrainingPorts() {}

  /** The ports of stage {@code stage} (1-based). */
  static LoopPorts stage(LoopPorts job, int stage, Offset at) {
    MetricSink metrics = point -> {
      String name = KEPT.contains(point.name()) ? PREFIX + point.name() : null;
      if (name == null) {
        return;
      }
      MetricPoint shifted = new MetricPoint(name, point.step() + at.iterations(), point.epoch() + at.epochs(),
          point.value());
      job.metrics().record(shifted);
      if (point.name().equals("train_loss") || point.name().equals("loss") && point.step() == 1) {
        job.metrics().record(new MetricPoint(STAGE, shifted.step(), shifted.epoch(), stage));
      }
    };
    Map<String, byte[]> entry = Map.of(GreedyPretraining.ENTRY, ByteBuffer.allocate(Integer.BYTES).putInt(stage)
        .array());
    return new LoopPorts(metrics, checkpoint -> {
      if (!checkpoint.kind().equals(CheckpointKind.FINAL.wireName())) {
        job.checkpoints().save(new Checkpoint(checkpoint.kind(), checkpoint.step() + at.iterations(),
            checkpoint.epoch() + at.epochs(), () -> CheckpointZip.withEntries(checkpoint.content(), entry),
            renamed(checkpoint.metrics())));
      }
    }, progress -> job.progress().progress(shift(progress, at)), job.cancellation(), job.rules());
  }

  /** The ports of the training after the stages: steps and progress shifted, names as they are. */
  static LoopPorts training(LoopPorts job, Offset at) {
    MetricSink metrics = point -> job.metrics().record(
        new MetricPoint(point.name(), point.step() + at.iterations(), point.epoch(), point.value()));
    return new LoopPorts(metrics, checkpoint -> job.checkpoints().save(new Checkpoint(checkpoint.kind(),
        checkpoint.step() + at.iterations(), checkpoint.epoch(), checkpoint::content, checkpoint.metrics())),
        progress -> job.progress().progress(shift(progress, at)), job.cancellation(), job.rules());
  }

  private static Progress shift(Progress p, Offset at) {
    long iteration = p.iteration() + at.iterations();
    return new Progress(p.epoch() + at.epochs(), at.totalEpochs(), iteration, at.totalIterations(),
        (double) iteration / at.totalIterations());
  }

  private static Map<String, Double> renamed(Map<String, Double> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    metrics.forEach((name, value) -> {
      if (KEPT.contains(name)) {
        out.put(PREFIX + name, value);
      }
    });
    return Map.copyOf(out);
  }
}
