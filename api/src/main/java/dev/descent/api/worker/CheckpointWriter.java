package dev.descent.api.worker;

import dev.descent.api.config.Roles;
import dev.descent.api.job.CheckpointKinds;
import dev.descent.api.job.RetentionPolicy;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.checkpoint.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Stores checkpoints off the training thread (the engine hands over a copy of its state, serialized here), then
 * applies the job's
 * retention: of each kind (periodic, polyak-arith, polyak-ema, …) the last {@code keepLast} survive; periodic ones
 * also survive while among the best {@code keepBest} by the policy's metric (rows keep kind {@code periodic}); the
 * final one always survives. Writes retry while the database is unreachable ({@link DatabaseRetry}); the store keeps
 * one checkpoint per job, kind and step ({@link CheckpointStore#saveOncePerStep}), so neither a retried write nor a
 * second run reaching the same step stores anything twice. Each stored checkpoint's size and save time (serializing
 * and storing, retries included) go to {@link WorkerMeters}.
 */
@Component
@Conditional(Roles.Trains.class)
class CheckpointWriter {
  private static final Logger log = LoggerFactory.getLogger(CheckpointWriter.class);
  private final CheckpointStore store;
  private final DatabaseRetry retry;
  private final WorkerMeters meters;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "descent-checkpoints");
            t.setDaemon(true);
            return t;
          });

  CheckpointWriter(CheckpointStore store, DatabaseRetry retry, WorkerMeters meters) {
    this.store = store;
    this.retry = retry;
    this.meters = meters;
  }

  /** Where a retried job continues ({@link CheckpointKinds#latestResumable}), or {@link ResumePoint#NONE}. */
  ResumePoint latest(UUID jobId) {
    return retry.call(jobId, "reading the latest checkpoint", () -> latestNow(jobId));
  }

  private ResumePoint latestNow(UUID jobId) {
    return CheckpointKinds.latestResumable(store.list(jobId))
        .flatMap(c -> store.content(jobId, c.id()).map(bytes -> new ResumePoint(c.step(), c.attempt(), bytes)))
        .orElse(ResumePoint.NONE);
  }

  /**
   * The sink of one run. {@code metricsBefore} runs before each checkpoint is stored: it writes the metric points the
   * run buffered so far, all of them up to the checkpoint's step, so that a checkpoint is never where a later attempt
   * resumes while points before it were still in the killed process's buffer (a gap in the history).
   */
  JobCheckpoints forJob(UUID jobId, int attempt, JobSpec spec, Runnable metricsBefore) {
    return new JobCheckpoints(jobId, attempt, RetentionPolicy.of(spec), metricsBefore);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
  }

  /** One job's checkpoint sink; {@link #awaitWrites} blocks until everything it was handed is stored. */
  final class JobCheckpoints implements CheckpointSink {
    private final UUID jobId;
    private final int attempt;
    private final Retention retention;
    private final Runnable metricsBefore;
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private volatile RuntimeException failure;

    private JobCheckpoints(UUID jobId, int attempt, Retention retention, Runnable metricsBefore) {
      this.jobId = jobId;
      this.attempt = attempt;
      this.retention = retention;
      this.metricsBefore = metricsBefore;
    }

    @Override
    public void save(Checkpoint c) {
      throwIfFailed();
      pending.add(CompletableFuture.runAsync(() -> write(c), thread));
    }

    /** Fails the training thread at its next checkpoint (or at the end) once a write failed for good. */
    private void throwIfFailed() {
      if (failure != null) {
        throw failure;
      }
    }

    private void write(Checkpoint c) {
      String what = "storing checkpoint " + c.kind() + " at step " + c.step();
      try {
        retry.run(jobId, "writing metrics before a checkpoint", metricsBefore);
        Instant started = meters.now();
        byte[] content = c.content();
        retry.run(jobId, what, () -> store.saveOncePerStep(jobId, attempt, c.kind(), c.step(), c.epoch(), content,
            c.metrics()));
        meters.checkpointSaved(content.length, Duration.between(started, meters.now()));
        retry.run(jobId, "applying checkpoint retention", () -> retain(c.kind()));
      } catch (RuntimeException e) {
        if (DatabaseRetry.isDiskFull(e) && !store.reclaimFailedWrites()) {
          log.warn("Job {}: could not give back the space of the failed checkpoint write", jobId);
        }
        failure = new IllegalStateException(what + " failed: " + rootMessage(e), e);
        throw failure;
      }
    }

    private void retain(String kind) {
      switch (CheckpointKinds.of(kind).orElseThrow()) {
        case PERIODIC -> store.retain(jobId, kind, retention);
        case FINAL -> {}
        default -> store.keepLast(jobId, kind, retention.keepLast());
      }
    }

    void awaitWrites() {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
      throwIfFailed();
    }
  }
}
