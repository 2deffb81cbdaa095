package dev.descent.api.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * A task run on its own daemon thread every {@code interval} (fixed delay, the first at once) while the application
 * runs: the queue reaper, the study ticker. {@link #tick} must not throw; it logs its failures and tries again next
 * time.
 */
public abstract class PeriodicTask implements SmartLifecycle {
  private final String threadName;
  private final Duration interval;
  private ScheduledExecutorService thread;

  protected PeriodicTask(String threadName, Duration interval) {
    this.threadName = threadName;
    this.interval = interval;
  }

  /** One run of the task. */
  protected abstract void tick();

  @Override
  public void start() {
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
}
