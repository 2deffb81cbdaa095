package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are an outage worth waiting out, and which are not (a full disk, a refused write). */
class DatabaseRetryTests {

  @Test
  void connectionFailuresAreAnOutage() {
    assertThat(DatabaseRetry.isOutage(new CannotGetJdbcConnectionException("refused"))).isTrue();
    assertThat(DatabaseRetry.isOutage(new CannotCreateTransactionException("no connection"))).isTrue();
    assertThat(DatabaseRetry.isOutage(new IllegalStateException("cannot write checkpoint content",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseRetry.isOutage(new IllegalStateException("x", new SQLException("I/O error", "08006"))))
        .isTrue();
  }

  @Test
  void aFullDiskAndRefusedWritesAreNot() {
    assertThat(DatabaseRetry.isOutage(new DataAccessResourceFailureException("insert",
        new SQLException("could not extend file: No space left on device", "53100")))).isFalse();
    assertThat(DatabaseRetry.isOutage(new DataIntegrityViolationException("duplicate"))).isFalse();
    assertThat(DatabaseRetry.isOutage(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseRetry.isOutage(new IllegalStateException("x", new SQLException("Connection is closed"))))
        .isTrue();
    assertThat(DatabaseRetry.isOutage(new IllegalStateException("x", new SQLException("syntax error")))).isFalse();
  }
}
