package dev.descent.api.support;

import static org.awaitility.Awaitility.await;

import dev.descent.persistence.testing.PostgresTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on a random port over a real PostgreSQL (Testcontainers where Docker runs, else embedded), with
 * fast queue timings. Every API test class extends this one so that they share one application context, hence one
 * worker pool over the one database. {@link #http()} sends the test admin key ({@link TestKeys#ADMIN});
 * {@link #createTenant()} makes a tenant and its key.
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
      "descent.datasets.max-upload-size=1MB",
      "descent.security.admin-key=" + TestKeys.ADMIN
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

  /** A tenant just created, with its first key, and a client that sends that key. */
  protected record TestTenant(String id, String name, String key, Http http) {}

  /** Creates a tenant (a unique name) with the admin key; fails the test unless that answers 201. */
  protected TestTenant createTenant() {
    String name = "tenant-" + UUID.randomUUID();
    Http.Response created = http().post("/api/v1/tenants", "{\"name\": \"" + name + "\"}");
    if (created.status() != 201) {
      throw new AssertionError("creating tenant " + name + ": " + created.status() + " " + created.text());
    }
    JsonNode body = created.json();
    String key = body.get("key").get("key").asText();
    return new TestTenant(body.get("tenant").get("id").asText(), name, key, http().as(key));
  }

  protected long jobRows() {
    return jdbc.queryForObject("select count(*) from job", Long.class);
  }

  /** The job once it has finished (SUCCEEDED, FAILED or CANCELLED); fails the test after 120 s. */
  protected JsonNode awaitFinished(String id) {
    return awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED", "CANCELLED");
  }

  /** The job once its status is one of {@code statuses}; fails the test after {@code timeout}. */
  protected JsonNode awaitStatus(String id, Duration timeout, String... statuses) {
    return awaitJob(id, timeout, "reach " + List.of(statuses),
        job -> List.of(statuses).contains(job.get("status").asText()));
  }

  /** The job once {@code condition} holds of it, polled every 100 ms; fails the test after {@code timeout}. */
  protected JsonNode awaitJob(String id, Duration timeout, String what, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    try {
      return await("job " + id + " to " + what).atMost(timeout).pollInterval(Duration.ofMillis(100))
          .until(() -> {
            last.set(http().get("/api/v1/jobs/" + id).json());
            return last.get();
          }, condition::test);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("job " + id + " did not " + what + " within " + timeout + ": " + last.get(), e);
    }
  }

  protected static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
