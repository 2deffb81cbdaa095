package dev.descent.api.dashboard;

import dev.descent.api.notify.DatabaseNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs Server-Sent Event streams, each on its own daemon thread that reads PostgreSQL and writes what changed: when a
 * notification on {@link DatabaseNotifications#JOB_CHANGED} names its job (any job, for the all-jobs stream), written
 * by whichever instance, at most every {@link #MIN_GAP}, and every {@link #FALLBACK_POLL} regardless. The data is read
 * from the tables, never from a notification, so what a stream sends does not depend on notifications. Nothing
 * is queued per client: a stream writes only when its client reads, and a client that takes longer than
 * {@link #SLOW_WRITE} to accept one event is disconnected (it may reconnect with its last event id). At most
 * {@link #MAX_STREAMS} streams run at once. When the application closes, every open stream is completed at once
 * (before the web server's graceful shutdown, which would otherwise wait for them until its timeout). The number of
 * open streams is the gauge {@code descent.sse.subscribers}.
 */
@Component
public class EventStreams {
  static final int MAX_STREAMS = 64;
  static final Duration SLOW_WRITE = Duration.ofSeconds(10);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final Duration FALLBACK_POLL = Duration.ofSeconds(3);
  static final Duration MIN_GAP = Duration.ofMillis(100);
  static final Duration MAX_LIFETIME = Duration.ofHours(1);

  private final Semaphore slots = new Semaphore(MAX_STREAMS);
  private final ExecutorService threads;
  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
  private final StreamWakeups wakeups = new StreamWakeups();
  private final DatabaseNotifications notifications;
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile boolean closing;

  EventStreams(MeterRegistry registry, DatabaseNotifications notifications) {
    this.notifications = notifications;
    Gauge.builder("descent.sse.subscribers", open, Set::size)
        .description("Open Server-Sent Event streams (job and job-list events)").register(registry);
    AtomicInteger n = new AtomicInteger();
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "descent-sse-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** What a stream does on each tick; returns false when the stream is complete. */
  @FunctionalInterface
  public interface Source {
    boolean poll(Sender sender) throws IOException;
  }

  /** Writes one event or comment, timing the write. */
  public static final class Sender {
    private final SseEmitter emitter;
    private long lastWriteNanos = System.nanoTime();

    Sender(SseEmitter emitter) {
      this.emitter = emitter;
    }

    public void event(String name, String id, Object data) throws IOException {
      SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
      if (id != null) {
        event.id(id);
      }
      write(event);
    }

    /** A comment at once: Spring commits the response at its first write, so the client sees the stream open. */
    void opened() throws IOException {
      write(SseEmitter.event().comment("open"));
    }

    void keepAliveIfIdle() throws IOException {
      if (System.nanoTime() - lastWriteNanos > KEEP_ALIVE.toNanos()) {
        write(SseEmitter.event().comment("keep-alive"));
      }
    }

    private void write(SseEmitter.SseEventBuilder event) throws IOException {
      long start = System.nanoTime();
      emitter.send(event);
      lastWriteNanos = System.nanoTime();
      if (lastWriteNanos - start > SLOW_WRITE.toNanos()) {
        throw new IOException("client too slow; disconnecting");
      }
    }
  }

  /**
   * Starts a stream that reads again whenever job {@code job} changes (any job when null), or returns null when
   * {@link #MAX_STREAMS} are already running. The first stream subscribes this instance to the notifications.
   */
  public SseEmitter open(UUID job, Source source) {
    if (closing || !slots.tryAcquire()) {
      return null;
    }
    if (subscribed.compareAndSet(false, true)) {
      notifications.subscribe(DatabaseNotifications.JOB_CHANGED, wakeups);
    }
    SseEmitter emitter = new SseEmitter(MAX_LIFETIME.toMillis());
    open.add(emitter);
    threads.execute(() -> run(emitter, wakeups.add(job), source));
    return emitter;
  }

  /** Completes every open stream and stops their threads; clients see the stream end and may reconnect later. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    closing = true;
    open.forEach(SseEmitter::complete);
    threads.shutdownNow();
  }

  private void run(SseEmitter emitter, StreamWakeups.Wake wake, Source source) {
    Sender sender = new Sender(emitter);
    try {
      sender.opened();
      while (!closing && source.poll(sender)) {
        sender.keepAliveIfIdle();
        Thread.sleep(MIN_GAP.toMillis());
        wake.await(FALLBACK_POLL.minus(MIN_GAP));
      }
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      emitter.completeWithError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emitter.complete();
    } finally {
      wakeups.remove(wake);
      open.remove(emitter);
      slots.release();
    }
  }
}
