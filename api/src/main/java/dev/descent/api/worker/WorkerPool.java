package dev.descent.api.worker;

import dev.descent.api.config.DescentProperties;
import dev.descent.api.config.Roles;
import dev.descent.api.notify.DatabaseNotifications;
import dev.descent.api.quota.QuotaProperties;
import dev.descent.persistence.job.ClaimedJob;
import dev.descent.persistence.job.HeartbeatResult;
import dev.descent.persistence.job.JobQueue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The training workers of this process (only where {@code descent.roles} has {@code worker}): polls the queue for as
 * many jobs as it has slots ({@code descent.worker.slots}), trains each on its own thread, and heart-beats every
 * running job (stopping it when the heartbeat says it was cancelled or taken away); {@link QueueReaper} requeues jobs
 * whose workers stopped heart-beating. It claims as {@link WorkerIdentity}, the id job timelines show. Stopping
 * drains: every running job checkpoints at its next update and goes back to the queue ({@link TrainingRunner}), within
 * {@code descent.workers.drain-timeout}; this lifecycle stops before the web server and the database (default phase,
 * the highest). A job queued anywhere wakes the poll at once (channel {@code job_queued} of the instance's one
 * {@link DatabaseNotifications} connection), and so does a job ending here; the regular poll is the fallback.
 */
@Component
@Conditional(Roles.Trains.class)
class WorkerPool implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final JobQueue queue;
  private final TrainingRunner runner;
  private final MetricFlusher flusher;
  private final DescentProperties.Workers settings;
  private final int slots;
  private final String workerId;
  private final WorkerMeters meters;
  private final QueueReaper reaper;
  private final Integer defaultMaxRunning;
  private final Map<java.util.UUID, JobRun> active = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService scheduler;
  private ExecutorService trainers;
  private volatile boolean running;

  WorkerPool(JobQueue queue, TrainingRunner runner, MetricFlusher flusher, DescentProperties properties,
      DatabaseNotifications notifications, WorkerMeters meters, QueueReaper reaper, QuotaProperties quotas) {
    this.queue = queue;
    this.defaultMaxRunning = quotas.maxRunningJobs();
    this.runner = runner;
    this.flusher = flusher;
    this.settings = properties.workers();
    this.slots = properties.slots();
    this.workerId = WorkerIdentity.of(properties.worker().id());
    this.meters = meters;
    this.reaper = reaper;
    notifications.subscribe(DatabaseNotifications.JOB_QUEUED, DatabaseNotifications.Subscriber.of(this::wake));
  }

  @Override
  public void start() {
    running = true;
    trainers = Executors.newFixedThreadPool(slots, named("descent-train-"));
    scheduler = Executors.newScheduledThreadPool(2, named("descent-queue-"));
    every(settings.pollInterval().toMillis(), this::poll);
    every(settings.heartbeatInterval().toMillis(), this::heartbeat);
    log.info("Worker {} started with {} training slot(s)", workerId, slots);
  }

  @Override
  public void stop() {
    running = false;
    reaper.stop(); // no reaping while heart-beats have stopped and the running jobs drain
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    int draining = active.size();
    active.values().forEach(run -> run.stop(JobRun.StopReason.DRAIN));
    trainers.shutdown();
    try {
      if (!trainers.awaitTermination(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Jobs {} did not drain within {}; the reaper requeues them after the next start",
            active.keySet(), settings.drainTimeout());
      } else if (draining > 0) {
        log.info("Drained {} running job(s) back to the queue", draining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The id this worker claims as ("claimed by …" in job timelines). */
  String workerId() {
    return workerId;
  }

  /** Concurrent training jobs. */
  int slots() {
    return slots;
  }

  /** A job was queued somewhere, a slot was freed, or notifications were missed: poll now, not at the next tick. */
  private void wake() {
    ScheduledExecutorService now = scheduler;
    if (running && now != null) {
      try {
        now.execute(guarded(this::poll));
      } catch (RejectedExecutionException e) {
        // stopping: nothing more is claimed
      }
    }
  }

  private void poll() {
    int free = slots - active.size();
    if (free <= 0) {
      return;
    }
    List<ClaimedJob> claimed = queue.claim(workerId, free, defaultMaxRunning);
    meters.claimed(claimed.size());
    for (ClaimedJob job : claimed) {
      JobRun run = new JobRun(job);
      active.put(job.id(), run);
      flusher.register(run);
      trainers.execute(() -> train(run));
    }
  }

  private void train(JobRun run) {
    try {
      runner.run(run, workerId);
    } catch (RuntimeException e) {
      // Its state could not be recorded (e.g. the database's disk is full): heart-beats stop, the reaper requeues it.
      log.error("Job {}: recording the end of attempt {} failed", run.id(), run.job().attempt(), e);
    } finally {
      flusher.unregister(run);
      active.remove(run.id());
      wake(); // the freed slot claims the next queued job now, not at the next poll
    }
  }

  private void heartbeat() {
    for (JobRun run : active.values()) {
      HeartbeatResult result;
      synchronized (run) { // never overlaps the run's final report (TrainingRunner)
        result = queue.heartbeat(run.id(), workerId, run.progressForHeartbeat(), run.metrics().latest());
      }
      if (result != HeartbeatResult.LOST) {
        runner.recordFirings(run, workerId);
      }
      switch (result) {
        case CANCEL_REQUESTED -> run.stop(JobRun.StopReason.CANCEL_REQUESTED);
        case PAUSE_REQUESTED -> run.stop(JobRun.StopReason.PAUSE);
        case LOST -> run.stop(JobRun.StopReason.LOST);
        case CONTINUE -> { }
      }
    }
  }

  private void every(long millis, Runnable task) {
    scheduler.scheduleWithFixedDelay(guarded(task), 0, millis, TimeUnit.MILLISECONDS);
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("Queue task failed; retrying on the next tick", e);
      }
    };
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
