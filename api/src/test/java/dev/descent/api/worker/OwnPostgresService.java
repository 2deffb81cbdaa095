package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.freePort;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/**
 * A test's own embedded PostgreSQL and the service as a separate process over it. {@link #close} (from the test's
 * {@code @AfterEach}) kills the service, then stops the database, whichever of them was started.
 */
final class OwnPostgresService implements AutoCloseable {
  private EmbeddedPostgres postgres;
  private ServiceProcess service;

  /** Starts the test's PostgreSQL as {@code builder} describes it. */
  EmbeddedPostgres startPostgres(EmbeddedPostgres.Builder builder) throws IOException {
    postgres = builder.start();
    return postgres;
  }

  /** Starts the service over {@code database} of that PostgreSQL (user postgres) and waits until it is healthy. */
  ServiceProcess startService(String database) throws IOException {
    service = ServiceProcess.startExternal(freePort(), postgres.getJdbcUrl("postgres", database), "postgres", "");
    service.awaitHealthy(Duration.ofMinutes(4));
    return service;
  }

  @Override
  public void close() throws IOException {
    if (service != null) {
      service.kill();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
