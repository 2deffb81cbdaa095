package dev.descent.api.worker;

import dev.descent.engine.spec.CheckpointPolicy;
import dev.descent.api.job.RetentionPolicy;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.checkpoint.Retention;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Stores checkpoints off the training thread (the engine hands over a finished byte copy), then applies the job's
 * retention: of each kind (periodic, polyak-arith, polyak-ema, …) the last {@code keepLast} survive; periodic ones
 * also survive while among the best {@code keepBest} by the policy's metric (rows keep kind {@code periodic}); the
 * final one always survives.
 */
@Component
class CheckpointWriter {
  static final String PERIODIC = "periodic";
  static final String FINAL = "final";
  /** Kinds that hold the live training state; Polyak averages are models, not states to resume from. */
  static final Set<String> RESUMABLE = Set.of(PERIODIC, FINAL);

  private final CheckpointStore store;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "descent-checkpoints");
            t.setDaemon(true);
            return t;
          });

  CheckpointWriter(CheckpointStore store) {
    this.store = store;
  }

  /** The job's latest checkpoint (by step), or {@link ResumePoint#NONE} when it has none. */
  ResumePoint latest(UUID jobId) {
    return store.list(jobId).stream()
        .filter(c -> RESUMABLE.contains(c.kind()))
        .max(java.util.Comparator.comparingLong(CheckpointInfo::step).thenComparing(CheckpointInfo::createdAt))
        .flatMap(c -> store.content(jobId, c.id()).map(bytes -> new ResumePoint(c.step(), bytes)))
        .orElse(ResumePoint.NONE);
  }

  JobCheckpoints forJob(UUID jobId, int attempt, JobSpec spec) {
    return new JobCheckpoints(jobId, attempt, retention(spec));
  }

  /** The retention {@code spec} asks for; best-K only for training jobs, whose policy can name a metric. */
  static Retention retention(JobSpec spec) {
    return RetentionPolicy.of(spec);
  }


  /** One job's checkpoint sink; {@link #awaitWrites} blocks until everything it was handed is stored. */
  final class JobCheckpoints implements CheckpointSink {
    private final UUID jobId;
    private final int attempt;
    private final Retention retention;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();

    private JobCheckpoints(UUID jobId, int attempt, Retention retention) {
      this.jobId = jobId;
      this.attempt = attempt;
      this.retention = retention;
    }

    @Override
    public void save(Checkpoint c) {
      pending.add(CompletableFuture.runAsync(() -> write(c), thread));
    }

    private void write(Checkpoint c) {
      store.save(jobId, attempt, c.kind(), c.step(), c.epoch(), c.content(), c.metrics());
      if (PERIODIC.equals(c.kind())) {
        store.retain(jobId, PERIODIC, retention);
      } else if (!FINAL.equals(c.kind())) {
        store.keepLast(jobId, c.kind(), retention.keepLast());
      }
    }

    void awaitWrites() {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }
  }
}
