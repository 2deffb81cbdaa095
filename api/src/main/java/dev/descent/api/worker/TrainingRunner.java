package dev.descent.api.worker;

import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.JobResult;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.metric.MetricWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one claimed job, outside any transaction: parses its stored spec, runs the engine with sinks that buffer
 * metrics and store checkpoints, then records the outcome — unless the job was taken away from this worker meanwhile.
 */
@Component
class TrainingRunner {
  private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);

  private final TrainingEngine engine;
  private final JobQueue queue;
  private final JobService jobs;
  private final MetricWriter metricWriter;
  private final MetricFlusher flusher;
  private final CheckpointWriter checkpoints;
  private final EngineLimits limits;

  TrainingRunner(TrainingEngine engine, JobQueue queue, JobService jobs, MetricWriter metricWriter,
      MetricFlusher flusher, CheckpointWriter checkpoints, EngineLimits limits) {
    this.engine = engine;
    this.queue = queue;
    this.jobs = jobs;
    this.metricWriter = metricWriter;
    this.flusher = flusher;
    this.checkpoints = checkpoints;
    this.limits = limits;
  }

  void run(JobRun run, String workerId) {
    JobResult result;
    try {
      result = train(run);
    } catch (RuntimeException e) {
      log.error("Job {} failed", run.id(), e);
      result = JobResult.failed("ERROR", "training failed: " + safeMessage(e));
    }
    if (run.stopReason() == JobRun.StopReason.LOST) {
      log.info("Job {} is no longer ours; leaving its state to its new owner", run.id());
      return;
    }
    reportFinalState(run, workerId, result);
    if (!jobs.finish(run.id(), workerId, result)) {
      log.info("Job {} could not be finished by {}: it was taken away", run.id(), workerId);
    }
  }

  private JobResult train(JobRun run) {
    JobSpec spec = JobSpecs.parse(run.job().specJson(), limits);
    ResumePoint resume = ResumePoint.NONE;
    if (run.job().attempt() > 1) {
      // A later attempt continues from the last checkpoint; what earlier attempts wrote after it is superseded.
      resume = checkpoints.latest(run.id());
      metricWriter.deleteAfter(run.id(), resume.step());
      log.info("Job {} attempt {} resumes from step {}", run.id(), run.job().attempt(), resume.step());
    }
    CheckpointWriter.JobCheckpoints sink = checkpoints.forJob(run.id(), run.job().attempt(), spec);
    TrainingContext context = new TrainingContext(run.metrics(), sink, run, run, resume.content());
    TrainingOutcome outcome;
    try {
      outcome = engine.run(spec, context);
    } finally {
      flusher.flush(run);
      sink.awaitWrites();
    }
    return switch (outcome.status()) {
      case SUCCEEDED -> JobResult.succeeded();
      case CANCELLED -> JobResult.cancelled();
      case FAILED -> JobResult.failed(outcome.failureCode(), outcome.failureMessage());
    };
  }

  /** Stores the last progress and metrics, which heartbeats sample, before the job is marked finished. */
  /**
   * Stores the last progress and metrics before the job is marked finished. A finished job's progress becomes the
   * run's own, and heartbeats of one run never overlap (both
   * hold the run's lock), so a periodic heartbeat can never store an older epoch after this one.
   */
  private void reportFinalState(JobRun run, String workerId, JobResult result) {
    if (result.status() == JobStatus.SUCCEEDED) {
      run.completed();
    }
    synchronized (run) {
      queue.heartbeat(run.id(), workerId, run.progressForHeartbeat(), run.metrics().latest());
    }
  }


  private static String safeMessage(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "internal error" : message;
  }

}
