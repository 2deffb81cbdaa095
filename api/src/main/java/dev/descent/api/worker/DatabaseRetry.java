package dev.descent.api.worker;

import dev.descent.api.config.DescentProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Retries a job's database write while PostgreSQL is unreachable (restarted, connections dropped), with backoff from
 * 100 ms to 2 s, for up to {@code descent.workers.database-outage}; then the last failure is thrown. Only for writes
 * that are idempotent: a retry after a commit whose acknowledgement was lost must change nothing. A full disk
 * (SQLSTATE {@value #DISK_FULL}) is not an outage and fails at once.
 */
@Component
class DatabaseRetry {
  private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
  private static final long MAX_BACKOFF_MS = 2_000;
  static final String DISK_FULL = "53100";

  private final Clock clock;
  private final Duration budget;

  DatabaseRetry(Clock clock, DescentProperties properties) {
    this.clock = clock;
    this.budget = properties.workers().databaseOutage();
  }

  <T> T call(UUID jobId, String what, Supplier<T> write) {
    return call(jobId, what, write, DatabaseRetry::isOutage);
  }

  /**
   * {@link #call}, also waiting out a full disk: for the small writes that end a job (its last progress, its outcome),
   * which fit again once a failed checkpoint's space is given back or the operator frees some; failing them at once
   * would leave the job to the reaper, its reason lost.
   */
  <T> T callThroughFullDisk(UUID jobId, String what, Supplier<T> write) {
    return call(jobId, what, write, e -> isOutage(e) || isDiskFull(e));
  }

  private <T> T call(UUID jobId, String what, Supplier<T> write, Predicate<RuntimeException> retryable) {
    Instant deadline = clock.instant().plus(budget);
    long backoff = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        if (!clock.instant().isBefore(deadline)) {
          log.error("Job {}: {} failed for {}; giving up", jobId, what, budget, e);
          throw e;
        }
        log.warn("Job {}: {} failed (try {}), retrying in {} ms: {}", jobId, what, attempt, backoff, e.toString());
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /**
   * Whether {@code e} says the database could not be reached (Spring's resource-failure and transient exceptions, a
   * transaction that could not begin or commit, or a driver error of SQLSTATE class 08 or 57P anywhere in the causes,
   * e.g. from the large-object API, or a driver error without SQLSTATE saying its connection was closed), rather than
   * that it refused the write.
   */
  static boolean isOutage(RuntimeException e) {
    boolean unreachable = e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
        || e instanceof RecoverableDataAccessException || e instanceof TransactionException;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        if (DISK_FULL.equals(sql.getSQLState())) {
          return false;
        }
        unreachable |= sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
      } else if (t instanceof SQLException sql) {
        unreachable |= closedConnection(sql.getMessage());
      }
    }
    return unreachable;
  }

  /** Whether {@code e} says the disk is full (SQLSTATE {@value #DISK_FULL}) anywhere in its causes. */
  static boolean isDiskFull(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && DISK_FULL.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A connection the pool handed out before the outage and closed under the write (no SQLSTATE is given). */
  private static boolean closedConnection(String message) {
    String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("connection is closed") || m.contains("connection has been closed");
  }

  void run(UUID jobId, String what, Runnable write) {
    call(jobId, what, () -> {
      write.run();
      return null;
    });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", e);
    }
  }
}
