package dev.descent.api.support;

import dev.descent.persistence.testing.PostgresTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port over a real PostgreSQL (Testcontainers where Docker runs, else embedded), with
 * fast queue timings. Every API test class extends this one so that they share one application context, hence one
 * worker pool over the one database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "descent.db.embedded=false",
      "descent.workers.pool-size=2",
      "descent.workers.poll-interval=100ms",
      "descent.workers.heartbeat-interval=200ms",
      "descent.workers.reap-interval=500ms",
      "descent.workers.stale-after=5s",
      "descent.limits.max-epochs=5000",
      "descent.limits.max-parameters=2000000",
      "descent.datasets.max-upload-size=1MB"
    })
public abstract class ApiTestBase {
  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerDataSource(registry);
  }

  protected Http http() {
    return new Http("http://localhost:" + port);
  }

  protected long jobRows() {
    return jdbc.queryForObject("select count(*) from job", Long.class);
  }
}
