package dev.descent.api.dashboard;

import dev.descent.api.notify.DatabaseNotifications;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches {@link DatabaseNotifications#JOB_CHANGED} notifications (payload: a job id) to the open event streams: a
 * job's stream wakes when its job is named, the all-jobs stream on any, every stream when notifications may have been
 * missed. A wake-up is a flag, so a burst of notifications while a stream reads costs one more read, not one each.
 */
final class StreamWakeups implements DatabaseNotifications.Subscriber {
  private static final Logger log = LoggerFactory.getLogger(StreamWakeups.class);
  private final Set<Wake> streams = ConcurrentHashMap.newKeySet();

  /** One stream's wake-up: the job it follows (null: every job) and whether it was woken since it last waited. */
  static final class Wake {
    private final UUID job;
    private boolean pending;

    private Wake(UUID job) {
      this.job = job;
    }

    synchronized void wake() {
      pending = true;
      notifyAll();
    }

    /** Returns at once if woken since the last call, else when woken or after {@code timeout}: whether woken. */
    synchronized boolean await(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      long left = timeout.toNanos();
      while (!pending && left > 0) {
        wait(Math.max(1, left / 1_000_000));
        left = deadline - System.nanoTime();
      }
      boolean woken = pending;
      pending = false;
      return woken;
    }
  }

  Wake add(UUID job) {
    Wake wake = new Wake(job);
    streams.add(wake);
    return wake;
  }

  void remove(Wake wake) {
    streams.remove(wake);
  }

  @Override
  public void notified(Set<String> payloads) {
    Set<UUID> jobs = new HashSet<>();
    for (String payload : payloads) {
      try {
        jobs.add(UUID.fromString(payload));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring a job-changed notification that names no job id: {}", payload);
      }
    }
    for (Wake wake : streams) {
      if (wake.job == null || jobs.contains(wake.job)) {
        wake.wake();
      }
    }
  }

  @Override
  public void resynchronize() {
    streams.forEach(Wake::wake);
  }
}
