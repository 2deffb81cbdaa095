package dev.descent.api.worker;

import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.spi.ProgressSink;
import dev.descent.engine.spi.RuleFiring;
import dev.descent.engine.spi.RuleSink;
import dev.descent.persistence.job.ClaimedJob;
import dev.descent.persistence.job.JobProgress;
import dev.descent.persistence.job.JobStop;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One claimed job while it trains: the progress its training thread last reported, its metric buffer, the firings of
 * its rules not yet on its timeline, and why it should stop (set by the heartbeat thread, or by a rule that paused it).
 */
final class JobRun implements ProgressSink, CancellationToken, RuleSink {
  enum StopReason {
    NONE,
    CANCEL_REQUESTED,
    LOST,
    /** The service is stopping: checkpoint where training stopped, then go back to the queue. */
    DRAIN,
    /** A user paused the job: checkpoint where training stopped, then let it go as PAUSED. */
    PAUSE;

    /** True when the run hands its job back (to the queue, or paused) after a checkpoint where it stopped. */
    boolean releases() {
      return this == DRAIN || this == PAUSE;
    }
  }

  private static final JobProgress NOT_STARTED = new JobProgress(0, 0, 0, 0, 0.0);

  private final ClaimedJob job;
  private final MetricBuffer metrics = new MetricBuffer();
  private volatile Progress progress;
  private volatile StopReason stopReason = StopReason.NONE;
  private volatile long firstStep;
  private final Queue<RuleFiring> firings = new ConcurrentLinkedQueue<>();
  private volatile JobStop rulePause;

  JobRun(ClaimedJob job) {
    this.job = job;
  }

  UUID id() {
    return job.id();
  }

  ClaimedJob job() {
    return job;
  }

  MetricBuffer metrics() {
    return metrics;
  }

  /** The step this attempt starts from (a resumed attempt's checkpoint step; 0 for a first attempt). */
  void startsAt(long step) {
    firstStep = step;
  }

  /** The step the run is at: its last reported iteration, else the step it started from. */
  long step() {
    Progress p = progress;
    return p == null ? firstStep : p.iteration();
  }

  /** Updates this attempt has made so far (its own, not those of earlier attempts it resumed from). */
  long updatesThisRun() {
    Progress p = progress;
    return p == null ? 0 : Math.max(0, p.iteration() - firstStep);
  }

  @Override
  public void progress(Progress p) {
    this.progress = p;
  }

  @Override
  public boolean isCancelled() {
    return stopReason != StopReason.NONE;
  }

  @Override
  public boolean checkpointOnStop() {
    return stopReason.releases();
  }

  /** Marks the run as done: every epoch and the whole fraction, at the iteration it reached. */
  void completed() {
    Progress p = progress;
    progress = p == null
        ? new Progress(0, 0, 0, 0, 1.0)
        : new Progress(p.epochs(), p.epochs(), p.iteration(), p.totalIterations(), 1.0);
  }

  @Override
  public void fired(RuleFiring firing) {
    firings.add(firing);
  }

  /** The firings not yet written to the timeline, oldest first (peek, then poll once written). */
  Queue<RuleFiring> firings() {
    return firings;
  }

  /** A rule paused the run (its engine checkpointed where it stopped): the job is to be let go as PAUSED. */
  void pausedByRule(JobStop stop) {
    rulePause = stop;
    stop(StopReason.PAUSE);
  }

  /** The rule's pause, or null when no rule paused the run. */
  JobStop rulePause() {
    return rulePause;
  }

  void stop(StopReason reason) {
    if (stopReason == StopReason.NONE) {
      stopReason = reason;
    }
  }

  StopReason stopReason() {
    return stopReason;
  }

  /**
   * The progress to store with the next heartbeat: all zero before a fresh run's first iteration, null (the stored
   * progress stays) before a resumed run reports where it is.
   */
  JobProgress progressForHeartbeat() {
    Progress p = progress;
    if (p == null) {
      return firstStep > 0 ? null : NOT_STARTED;
    }
    return new JobProgress(p.epoch(), p.epochs(), p.iteration(), p.totalIterations(), p.fraction());
  }
}
