package dev.descent.api.worker;

import dev.descent.api.config.Roles;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.persistence.metric.MetricSample;
import dev.descent.persistence.metric.MetricWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Writes every running job's buffered metrics to PostgreSQL in batches, on its own thread, every
 * {@value #INTERVAL_MS} ms. {@link #flush} drains one job's buffer completely (called once training ends, before the
 * job is marked finished, so a finished job's history is complete). A batch whose write fails (the database is down)
 * stays in the buffer and is written again on the next tick; the write is an upsert on (job, name, step), so a
 * batch that was stored although its acknowledgement was lost is not stored twice. Its meters ({@link WorkerMeters}):
 * the points buffered now, the points written, and the points a run still held when it ended (dropped).
 */
@Component
@Conditional(Roles.Trains.class)
class MetricFlusher {
  private static final Logger log = LoggerFactory.getLogger(MetricFlusher.class);
  static final long INTERVAL_MS = 250;
  static final int BATCH = 5_000;

  private final MetricWriter writer;
  private final WorkerMeters meters;
  private final Set<JobRun> runs = ConcurrentHashMap.newKeySet();
  private final Set<JobRun> failing = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "descent-metrics");
            t.setDaemon(true);
            return t;
          });

  MetricFlusher(MetricWriter writer, WorkerMeters meters) {
    this.writer = writer;
    this.meters = meters;
    meters.metricBuffer(this::buffered);
    thread.scheduleWithFixedDelay(this::flushAll, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  void register(JobRun run) {
    runs.add(run);
  }

  /** Forgets a run whose attempt ended; what its buffer still holds is lost and counted as dropped. */
  void unregister(JobRun run) {
    runs.remove(run);
    failing.remove(run);
    meters.bufferClosed(run.metrics().size(), run.metrics().fullWaits());
  }

  private long buffered() {
    return runs.stream().mapToLong(run -> run.metrics().size()).sum();
  }

  /** Writes everything buffered for {@code run} now, on the caller's thread. */
  synchronized void flush(JobRun run) {
    List<MetricPoint> batch;
    while (!(batch = run.metrics().nextBatch(BATCH)).isEmpty()) {
      writer.write(run.id(), run.job().attempt(), batch.stream().map(MetricFlusher::sample).toList());
      run.metrics().written();
      meters.pointsWritten(batch.size());
    }
  }

  private void flushAll() {
    for (JobRun run : runs) {
      try {
        flush(run);
        if (failing.remove(run)) {
          log.info("Writing metrics of job {} works again", run.id());
        }
      } catch (RuntimeException e) {
        if (failing.add(run)) {
          log.warn("Writing metrics of job {} failed; they stay buffered and are retried: {}", run.id(), e.toString());
        }
      }
    }
  }

  private static MetricSample sample(MetricPoint p) {
    return new MetricSample(p.name(), p.step(), p.epoch(), p.value());
  }
}
