package dev.descent.api.worker;

import dev.descent.api.config.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The worker's meters, exported at {@code /actuator/prometheus} (docs/operations.md lists them): claims, attempt
 * durations by outcome, per-job training throughput (removed when the attempt ends here), checkpoint sizes and save
 * times, and the metric writer's backlog and losses.
 */
@Component
@Conditional(Roles.Trains.class)
class WorkerMeters {
  private final MeterRegistry registry;
  private final Clock clock;
  private final Counter claims;
  private final DistributionSummary checkpointSize;
  private final Timer checkpointSave;
  private final Counter pointsWritten;
  private final Counter pointsDropped;
  private final Counter bufferFullWaits;
  private final Map<UUID, List<Meter>> perJob = new ConcurrentHashMap<>();

  WorkerMeters(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    claims = Counter.builder("descent.queue.claims").description("Jobs this worker claimed from the queue")
        .register(registry);
    checkpointSize = DistributionSummary.builder("descent.checkpoint.size").baseUnit("bytes")
        .description("Size of each stored checkpoint").register(registry);
    checkpointSave = Timer.builder("descent.checkpoint.save").publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofMinutes(5))
        .description("Serializing and storing one checkpoint, database retries included").register(registry);
    pointsWritten = Counter.builder("descent.metrics.written")
        .description("Metric points written to PostgreSQL").register(registry);
    pointsDropped = Counter.builder("descent.metrics.dropped")
        .description("Metric points still buffered when their attempt ended (lost); stays 0").register(registry);
    bufferFullWaits = Counter.builder("descent.metrics.buffer.full.waits")
        .description("Times a training thread waited for a full metric buffer (counted when its attempt ends)")
        .register(registry);
  }

  Instant now() {
    return clock.instant();
  }

  void claimed(int jobs) {
    claims.increment(jobs);
  }

  /** The run's throughput counters: its updates, and its samples where an update's sample count is known (> 0). */
  void training(JobRun run, int samplesPerUpdate) {
    Tags tags = Tags.of("job", run.id().toString());
    List<Meter> meters = new ArrayList<>();
    meters.add(FunctionCounter.builder("descent.training.updates", run, JobRun::updatesThisRun).tags(tags)
        .description("Updates (optimizer steps) of a running job's current attempt").register(registry));
    if (samplesPerUpdate > 0) {
      meters.add(FunctionCounter.builder("descent.training.samples", run,
              r -> r.updatesThisRun() * (double) samplesPerUpdate).tags(tags)
          .description("Samples a running job's current attempt trained on (updates x batch size)")
          .register(registry));
    }
    List<Meter> before = perJob.put(run.id(), meters);
    if (before != null) {
      before.forEach(registry::remove);
    }
  }

  /** Records the attempt's duration under its outcome and removes the run's own meters. */
  void ended(JobRun run, String outcome, Instant started) {
    Timer.builder("descent.jobs.duration").tag("outcome", outcome).publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofDays(1))
        .description("Attempts trained by this worker, from claim to recorded end").register(registry)
        .record(Duration.between(started, clock.instant()));
    List<Meter> meters = perJob.remove(run.id());
    if (meters != null) {
      meters.forEach(registry::remove);
    }
  }

  void checkpointSaved(long bytes, Duration took) {
    checkpointSize.record(bytes);
    checkpointSave.record(took);
  }

  void metricBuffer(Supplier<Number> depth) {
    Gauge.builder("descent.metrics.buffer.depth", depth)
        .description("Metric points buffered by running jobs, not yet written").register(registry);
  }

  void pointsWritten(int points) {
    pointsWritten.increment(points);
  }

  /** What a run's buffer still held when the run ended, and how often its training thread waited on it. */
  void bufferClosed(long unwritten, long fullWaits) {
    pointsDropped.increment(unwritten);
    bufferFullWaits.increment(fullWaits);
  }
}
