package dev.descent.api.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one PostgreSQL LISTEN connection of this instance, whatever its roles: a thread holds a connection that LISTENs
 * on every channel someone subscribed to and hands each batch of notifications, per channel, to its subscribers.
 * Channels: {@link #JOB_QUEUED} (a job became QUEUED anywhere, migration V10: wakes the worker pool) and
 * {@link #JOB_CHANGED} (a job's row, timeline or metric points changed, V20: wakes Server-Sent Event streams); both
 * carry the job's id only. A subscriber added later is listened for within {@link #WAIT}. Every subscriber is told to
 * {@linkplain Subscriber#resynchronize() resynchronize} once its channel is listened for, and again after the
 * connection broke (a database restart: the thread connects again after {@link #RETRY}), since notifications sent
 * while nobody listened are lost.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle, Runnable {
  public static final String JOB_QUEUED = "job_queued";
  public static final String JOB_CHANGED = "descent_job_changed";
  static final Duration WAIT = Duration.ofSeconds(1);
  static final Duration RETRY = Duration.ofSeconds(2);
  private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

  private final DataSource dataSource;
  private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean stopped;
  private Thread thread;

  /** What a channel's notifications are handed to, on the listening thread (so: quickly, without blocking). */
  public interface Subscriber {
    /** The distinct payloads of one batch of notifications. */
    void notified(Set<String> payloads);

    /** Listening (again) from now on: notifications sent before may have been missed. */
    void resynchronize();

    /** A subscriber that runs {@code wake} on every batch and on every resynchronization. */
    static Subscriber of(Runnable wake) {
      return new Subscriber() {
        @Override
        public void notified(Set<String> payloads) {
          wake.run();
        }

        @Override
        public void resynchronize() {
          wake.run();
        }
      };
    }
  }

  DatabaseNotifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void subscribe(String channel, Subscriber subscriber) {
    subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
  }

  @Override
  public void start() {
    stopped = false;
    thread = new Thread(this, "descent-listen");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null && !stopped;
  }

  /** Starts before and stops after the worker pool and the web server (both in later phases). */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4096;
  }

  @Override
  public void run() {
    while (!stopped) {
      try (Connection connection = dataSource.getConnection()) {
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (!stopped) {
          log.warn("Database notifications interrupted ({}); listening again in {}", e.getMessage(), RETRY);
          pause();
        }
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    Set<String> listening = new HashSet<>();
    Set<List<Object>> told = new HashSet<>(); // (channel, subscriber) pairs told to resynchronize on this connection
    while (!stopped) {
      for (Map.Entry<String, List<Subscriber>> channel : subscribers.entrySet()) {
        if (listening.add(channel.getKey())) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel.getKey());
          }
        }
        for (Subscriber s : channel.getValue()) {
          if (told.add(List.of(channel.getKey(), s))) {
            deliver(channel.getKey(), s, null);
          }
        }
      }
      PGNotification[] batch = pg.getNotifications((int) WAIT.toMillis());
      if (batch != null && batch.length > 0) {
        dispatch(batch);
      }
    }
  }

  private void dispatch(PGNotification[] batch) {
    Map<String, Set<String>> payloads = new HashMap<>();
    for (PGNotification n : batch) {
      payloads.computeIfAbsent(n.getName(), c -> new LinkedHashSet<>()).add(n.getParameter());
    }
    payloads.forEach((channel, set) -> subscribers.getOrDefault(channel, List.of())
        .forEach(s -> deliver(channel, s, set)));
  }

  /** Hands {@code payloads} to {@code subscriber}, or tells it to resynchronize when null; a failure is logged. */
  private static void deliver(String channel, Subscriber subscriber, Set<String> payloads) {
    try {
      if (payloads == null) {
        subscriber.resynchronize();
      } else {
        subscriber.notified(payloads);
      }
    } catch (RuntimeException e) {
      log.error("A subscriber of channel {} failed", channel, e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }
}
