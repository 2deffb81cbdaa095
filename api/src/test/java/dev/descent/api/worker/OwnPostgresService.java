package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.freePort;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's own embedded PostgreSQL and the service as separate processes over it (one, or several instances with
 * their roles). {@link #close} (from the test's {@code @AfterEach}) kills the services, then stops the database,
 * whichever of them were started.
 */
final class OwnPostgresService implements AutoCloseable {
  private EmbeddedPostgres postgres;
  private final List<ServiceProcess> services = new ArrayList<>();

  /** Starts the test's PostgreSQL as {@code builder} describes it. */
  EmbeddedPostgres startPostgres(EmbeddedPostgres.Builder builder) throws IOException {
    postgres = builder.start();
    return postgres;
  }

  /** Starts the service over {@code database} of that PostgreSQL (user postgres) and waits until it is healthy. */
  ServiceProcess startService(String database) throws IOException {
    ServiceProcess service = launch(database);
    service.awaitHealthy(Duration.ofMinutes(4));
    return service;
  }

  /** Starts the service over {@code database} with {@code extra} arguments, without waiting for it. */
  ServiceProcess launch(String database, String... extra) throws IOException {
    ServiceProcess service =
        ServiceProcess.startExternal(freePort(), postgres.getJdbcUrl("postgres", database), "postgres", "", extra);
    services.add(service);
    return service;
  }

  @Override
  public void close() throws IOException {
    services.forEach(ServiceProcess::kill);
    if (postgres != null) {
      postgres.close();
    }
  }
}
