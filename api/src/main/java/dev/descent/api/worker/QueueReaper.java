package dev.descent.api.worker;

import dev.descent.api.config.DescentProperties;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.ReapResult;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Requeues (or fails, or cancels) jobs whose workers stopped heart-beating for {@code descent.workers.stale-after},
 * every {@code descent.workers.reap-interval}, in every role: a worker that died is reaped by any instance over the
 * same database, an {@code api}-only one included. Reaping is one statement per rule, safe to run from many instances
 * at once.
 */
@Component
class QueueReaper implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(QueueReaper.class);

  private final JobQueue queue;
  private final DescentProperties.Workers settings;
  private ScheduledExecutorService thread;

  QueueReaper(JobQueue queue, DescentProperties properties) {
    this.queue = queue;
    this.settings = properties.workers();
  }

  @Override
  public void start() {
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "descent-reaper");
      t.setDaemon(true);
      return t;
    });
    long millis = settings.reapInterval().toMillis();
    thread.scheduleWithFixedDelay(this::reapGuarded, 0, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  private void reapGuarded() {
    try {
      ReapResult result = queue.reap(settings.staleAfter());
      if (result.total() > 0) {
        log.warn("Reaped stale jobs: requeued {}, failed {}, cancelled {}, paused {}",
            result.requeued(), result.failed(), result.cancelled(), result.paused());
      }
    } catch (RuntimeException e) {
      log.error("Reaping stale jobs failed; retrying on the next tick", e);
    }
  }
}
