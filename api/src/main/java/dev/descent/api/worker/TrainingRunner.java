package dev.descent.api.worker;

import dev.descent.api.config.Roles;
import dev.descent.api.job.WarmStarts;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.LrRangeTestSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spec.OptimizerKinds;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.CurriculumSpec;
import dev.descent.engine.spec.WarmStartSpec;
import dev.descent.engine.spi.RuleFiring;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.JobResult;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobStop;
import dev.descent.persistence.metric.MetricWriter;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Trains one claimed job, outside any transaction: parses its stored spec, runs the engine with sinks that buffer
 * metrics and store checkpoints, then records the outcome — unless the job was taken away from this worker meanwhile.
 * A run stopped because the service drains goes back to the queue instead, one a user or a rule paused waits PAUSED.
 * The firings of the job's rules go to its timeline with the heartbeats and before the end ({@link #recordFirings}).
 * Every write after training retries while
 * the database is unreachable ({@link DatabaseRetry}). Each attempt's duration is recorded under its outcome
 * ({@link WorkerMeters}).
 */
@Component
@Conditional(Roles.Trains.class)
class TrainingRunner {
  private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);

  private final TrainingEngine engine;
  private final JobQueue queue;
  private final JobService jobs;
  private final MetricWriter metricWriter;
  private final MetricFlusher flusher;
  private final CheckpointWriter checkpoints;
  private final EngineLimits limits;
  private final DatabaseRetry retry;
  private final WorkerMeters meters;
  private final WarmStarts warmStarts;

  TrainingRunner(TrainingEngine engine, JobQueue queue, JobService jobs, MetricWriter metricWriter,
      MetricFlusher flusher, CheckpointWriter checkpoints, EngineLimits limits, DatabaseRetry retry,
      WorkerMeters meters, WarmStarts warmStarts) {
    this.warmStarts = warmStarts;
    this.engine = engine;
    this.queue = queue;
    this.jobs = jobs;
    this.metricWriter = metricWriter;
    this.flusher = flusher;
    this.checkpoints = checkpoints;
    this.limits = limits;
    this.retry = retry;
    this.meters = meters;
  }

  void run(JobRun run, String workerId) {
    Instant started = meters.now();
    String outcome = "error";
    try {
      outcome = attempt(run, workerId);
    } finally {
      meters.ended(run, outcome, started);
    }
  }

  /** Trains and records the attempt; returns its outcome for the meters. */
  private String attempt(JobRun run, String workerId) {
    JobResult result;
    try {
      result = train(run, workerId);
    } catch (RuntimeException e) {
      log.error("Job {} failed", run.id(), e);
      result = JobResult.failed("ERROR", "training failed: " + safeMessage(e));
    }
    if (run.metrics().fullWaits() > 0) {
      log.warn("Job {}: training waited {} times for a full metric buffer (the database was behind or down)",
          run.id(), run.metrics().fullWaits());
    }
    if (run.stopReason() != JobRun.StopReason.LOST) {
      retry.run(run.id(), "recording rule firings", () -> recordFirings(run, workerId));
    }
    if (run.stopReason() == JobRun.StopReason.LOST) {
      log.info("Job {} is no longer ours; leaving its state to its new owner", run.id());
      return "lost";
    }
    if (run.stopReason().releases() && result.status() == JobStatus.CANCELLED
        && (release(run, workerId) || run.rulePause() == null)) {
      return run.stopReason() == JobRun.StopReason.PAUSE ? "paused" : "drained";
    }
    reportFinalState(run, workerId, result);
    JobResult outcome = result;
    if (!retry.callThroughFullDisk(run.id(), "finishing the job", () -> jobs.finish(run.id(), workerId, outcome))) {
      log.info("Job {} could not be finished by {}: it was taken away", run.id(), workerId);
      return "lost";
    }
    return result.status().name().toLowerCase(Locale.ROOT);
  }

  private JobResult train(JobRun run, String workerId) {
    JobSpec spec = JobSpecs.parse(run.job().specJson(), limits);
    ResumePoint resume = ResumePoint.NONE;
    if (run.job().attempt() > 1) {
      // A later attempt continues from the last checkpoint; what earlier attempts wrote after it is superseded.
      resume = checkpoints.latest(run.id());
      long step = resume.step();
      retry.call(run.id(), "deleting superseded metrics", () -> metricWriter.deleteAfter(run.id(), step));
      log.info("Job {} attempt {} resumes from step {}", run.id(), run.job().attempt(), resume.step());
    }
    run.startsAt(resume.step());
    meters.training(run, samplesPerUpdate(spec));
    CheckpointWriter.JobCheckpoints sink = checkpoints.forJob(run.id(), run.job().attempt(), spec,
        () -> flusher.flush(run));
    TrainingContext context =
        new TrainingContext(run.metrics(), sink, run, run, resume.content(), String.valueOf(run.id()), run);
    if (resume.content() != null && pauseLost(run, resume)) {
      context = context.withPauseLost();
    }
    if (resume.content() == null && spec instanceof TrainingSpec training && training.init() != null) {
      context = warmStart(run, workerId, training.init(), context);
    }
    if (resume.content() == null && spec instanceof TrainingSpec training && training.curriculum() != null
        && training.curriculum().scoredByJob()) {
      CurriculumSpec curriculum = training.curriculum();
      context = context.withCurriculumFrom(retry.call(run.id(), "reading the curriculum's scoring checkpoint",
          () -> warmStarts.source(curriculum)).orElse(null));
    }
    TrainingOutcome outcome = engine.run(spec, context); // reports its own failures as a FAILED outcome
    RuntimeException unwritten = finishWrites(run, sink);
    if (outcome.status() != TrainingOutcome.Status.FAILED && unwritten != null) {
      throw unwritten;
    }
    JobStop stop = StopDescriptions.of(outcome);
    if (outcome.pausedByRule()) {
      run.pausedByRule(stop);
    }
    return switch (outcome.status()) {
      case SUCCEEDED -> JobResult.succeeded(stop);
      case CANCELLED -> JobResult.cancelled();
      case FAILED -> JobResult.failed(outcome.failureCode(), outcome.failureMessage(), stop);
    };
  }

  /**
   * Whether the job never took a pause that its resume point may have been taken for: it was not PAUSED since the
   * attempt that stored the checkpoint (its worker was lost between the two). The engine then pauses again there.
   */
  private boolean pauseLost(JobRun run, ResumePoint resume) {
    return !retry.call(run.id(), "reading the job's pauses", () -> queue.pausedSince(run.id(), resume.attempt()));
  }

  /**
   * A warm-started job that starts fresh: the source checkpoint's content for the engine (none when it was deleted:
   * the engine then fails the run), and a timeline event saying where the job came from.
   */
  private TrainingContext warmStart(JobRun run, String workerId, WarmStartSpec init, TrainingContext context) {
    byte[] source = retry.call(run.id(), "reading the warm-start checkpoint", () -> warmStarts.source(init))
        .orElse(null);
    String detail = String.format("{\"initFrom\": {\"job\": \"%s\", \"checkpoint\": \"%s\", \"layers\": %s, "
        + "\"frozen\": %s}}", init.fromJob(), init.checkpoint(), init.layers(), init.freeze());
    retry.run(run.id(), "recording the warm start", () -> queue.annotate(run.id(), workerId, init.describe(), detail));
    return context.withInitFrom(source);
  }

  /**
   * Writes the run's rule firings to its timeline, oldest first, each once (under the run's lock, which the heartbeat
   * that also calls this holds too); one that cannot be written stays for the next call.
   */
  void recordFirings(JobRun run, String workerId) {
    synchronized (run) {
      for (RuleFiring firing = run.firings().peek(); firing != null; firing = run.firings().peek()) {
        queue.annotate(run.id(), workerId, firing.describe(), firing.detailJson());
        run.firings().poll();
      }
    }
  }

  /**
   * Writes the rest of the run's metrics and waits for its checkpoints; returns what could not be written (a
   * checkpoint's failure first: it is the one that loses a resume point), or null.
   */
  private RuntimeException finishWrites(JobRun run, CheckpointWriter.JobCheckpoints sink) {
    RuntimeException failure = null;
    try {
      retry.run(run.id(), "writing metrics", () -> flusher.flush(run));
    } catch (RuntimeException e) {
      log.error("Job {}: its last metric points could not be stored", run.id(), e);
      failure = e;
    }
    try {
      sink.awaitWrites();
    } catch (RuntimeException e) {
      failure = e;
    }
    return failure;
  }

  /**
   * The service stops, or the user or a rule paused the job: the run checkpointed where it stopped; the job goes back
   * to the queue for the next start, or waits PAUSED until it is unpaused. False when it could not be let go (a
   * rule's pause that a user's cancel overtook then finishes CANCELLED).
   */
  private boolean release(JobRun run, String workerId) {
    synchronized (run) {
      retry.call(run.id(), "reporting progress", () ->
          queue.heartbeat(run.id(), workerId, run.progressForHeartbeat(), run.metrics().latest()));
    }
    boolean pause = run.stopReason() == JobRun.StopReason.PAUSE;
    JobStop rule = run.rulePause();
    if (rule != null) { // RUNNING → PAUSING as a user's pause would; refused when a user cancelled or paused first
      retry.call(run.id(), "pausing the job", () ->
          jobs.pauseByRule(run.id(), workerId, "paused: " + rule.description(), rule.detailJson()));
    }
    // A job paused while its worker drained stays paused: each statement moves only from its own status.
    boolean released = retry.call(run.id(), pause ? "pausing the job" : "re-queueing the job", () -> !pause
        && queue.release(run.id(), workerId, "drained: service stopping (" + workerId + ")")
        || queue.releasePaused(run.id(), workerId, "paused by request (" + workerId + ")"));
    log.info("Job {} {} at step {}", run.id(), released ? (pause ? "paused" : "drained back to the queue")
        : "was taken away while it stopped", run.step());
    return released;
  }

  /**
   * Stores the last progress and metrics before the job is marked finished. A finished job's progress becomes the
   * run's own, and heartbeats of one run never overlap (both hold the run's lock), so a periodic heartbeat can never
   * store an older epoch after this one.
   */
  private void reportFinalState(JobRun run, String workerId, JobResult result) {
    if (result.status() == JobStatus.SUCCEEDED) {
      run.completed();
    }
    synchronized (run) {
      retry.callThroughFullDisk(run.id(), "reporting the final state", () ->
          queue.heartbeat(run.id(), workerId, run.progressForHeartbeat(), run.metrics().latest()));
    }
  }

  /** Samples per update: 1 for online jobs, the batch size for minibatch training, unknown (0) for full batch. */
  static int samplesPerUpdate(JobSpec spec) {
    if (spec instanceof OnlineJobSpec) {
      return 1;
    }
    if (spec instanceof LrRangeTestSpec range) {
      return range.run().batchSize();
    }
    TrainingSpec training = (TrainingSpec) spec;
    return OptimizerKinds.isFullBatch(training.optimizer()) ? 0 : training.batchSize();
  }


  private static String safeMessage(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "internal error" : message;
  }
}
