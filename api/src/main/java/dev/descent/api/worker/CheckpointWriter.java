package dev.descent.api.worker;

import dev.descent.api.job.CheckpointKinds;
import dev.descent.api.job.RetentionPolicy;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.checkpoint.Retention;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Stores checkpoints off the training thread (the engine hands over a copy of its state, serialized here), then
 * applies the job's
 * retention: of each kind (periodic, polyak-arith, polyak-ema, …) the last {@code keepLast} survive; periodic ones
 * also survive while among the best {@code keepBest} by the policy's metric (rows keep kind {@code periodic}); the
 * final one always survives.
 */
@Component
class CheckpointWriter {
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

  /** Where a retried job continues ({@link CheckpointKinds#latestResumable}), or {@link ResumePoint#NONE}. */
  ResumePoint latest(UUID jobId) {
    return CheckpointKinds.latestResumable(store.list(jobId))
        .flatMap(c -> store.content(jobId, c.id()).map(bytes -> new ResumePoint(c.step(), bytes)))
        .orElse(ResumePoint.NONE);
  }

  JobCheckpoints forJob(UUID jobId, int attempt, JobSpec spec) {
    return new JobCheckpoints(jobId, attempt, RetentionPolicy.of(spec));
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
      if (CheckpointKinds.PERIODIC.equals(c.kind())) {
        store.retain(jobId, CheckpointKinds.PERIODIC, retention);
      } else if (!CheckpointKinds.FINAL.equals(c.kind())) {
        store.keepLast(jobId, c.kind(), retention.keepLast());
      }
    }

    void awaitWrites() {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }
  }
}
