package dev.descent.api.worker;

import dev.descent.api.config.DescentProperties;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.ReapResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Requeues (or fails, or cancels) jobs whose workers stopped heart-beating for {@code descent.workers.stale-after},
 * every {@code descent.workers.reap-interval}, in every role: a worker that died is reaped by any instance over the
 * same database, an {@code api}-only one included. Reaping is one statement per rule, safe to run from many instances
 * at once.
 */
@Component
class QueueReaper extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(QueueReaper.class);

  private final JobQueue queue;
  private final DescentProperties.Workers settings;

  QueueReaper(JobQueue queue, DescentProperties properties) {
    super("descent-reaper", properties.workers().reapInterval());
    this.queue = queue;
    this.settings = properties.workers();
  }

  @Override
  protected void tick() {
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
