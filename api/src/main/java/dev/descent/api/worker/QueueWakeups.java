package dev.descent.api.worker;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the worker pool when a job becomes QUEUED anywhere: one thread holds a connection that LISTENs on the
 * {@code job_queued} channel (notified by a trigger on the job table, migration V10) and runs the pool's poll for each
 * batch of notifications. If the connection breaks (a database restart) it reconnects after a pause; meanwhile the
 * pool's regular poll still finds the work.
 */
final class QueueWakeups implements Runnable {
  static final String CHANNEL = "job_queued";
  private static final Logger log = LoggerFactory.getLogger(QueueWakeups.class);
  private static final int WAIT_MILLIS = 1000;
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final DataSource dataSource;
  private final Runnable wake;
  private volatile boolean stopped;
  private Thread thread;

  QueueWakeups(DataSource dataSource, Runnable wake) {
    this.dataSource = dataSource;
    this.wake = wake;
  }

  void start() {
    thread = new Thread(this, "descent-queue-listen");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    stopped = true;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public void run() {
    while (!stopped) {
      try (Connection connection = dataSource.getConnection()) {
        listen(connection);
      } catch (SQLException | RuntimeException e) {
        if (!stopped) {
          log.warn("Queue notifications interrupted ({}); listening again in {}", e.getMessage(), RETRY);
          pause();
        }
      }
    }
  }

  private void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
    }
    PGConnection pg = connection.unwrap(PGConnection.class);
    while (!stopped) {
      var notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications != null && notifications.length > 0) {
        wake.run();
      }
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
