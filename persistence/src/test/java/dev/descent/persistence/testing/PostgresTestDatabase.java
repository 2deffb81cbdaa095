package dev.descent.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for the whole test JVM, started on first use: a Testcontainers {@link PostgreSQLContainer} where
 * Docker runs, else an embedded server (zonky) with durability turned off for speed. Never skips: when neither
 * starts, the first test that asks fails with the reason.
 *
 * <p>Spring tests: {@code @DynamicPropertySource static void db(DynamicPropertyRegistry r) {
 * PostgresTestDatabase.registerDataSource(r); }}.
 */
public final class PostgresTestDatabase {

  /** The image used where Docker is available; the embedded server is the same major version. */
  public static final String IMAGE = "postgres:17-alpine";

  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";
  private static PostgresTestDatabase instance;

  private final String jdbcUrl;
  private final String username;
  private final String password;

  private PostgresTestDatabase(String jdbcUrl, String username, String password) {
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.password = password;
  }

  /** The running database, started on the first call. */
  public static synchronized PostgresTestDatabase get() {
    if (instance == null) {
      instance = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : startEmbedded();
    }
    return instance;
  }

  /** Points {@code spring.datasource.*} at the running database. */
  public static void registerDataSource(DynamicPropertyRegistry registry) {
    PostgresTestDatabase database = get();
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  private static PostgresTestDatabase startContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    container.start();
    return new PostgresTestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  private static PostgresTestDatabase startEmbedded() {
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return new PostgresTestDatabase(postgres.getJdbcUrl(USER, DATABASE), USER, "");
    } catch (IOException e) {
      throw new UncheckedIOException("neither Docker nor an embedded PostgreSQL is available", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
