package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.Http;
import dev.descent.persistence.testing.PostgresTestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A submitted job is claimed through the database's notification, not the poll: with the poll every ten minutes
 * (after the one at start), a job submitted later still starts at once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"descent.db.embedded=false", "descent.workers.pool-size=1", "descent.workers.poll-interval=10m"})
class QueueWakeupTests {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.registerDataSource(registry);
  }

  @Test
  void aSubmittedJobIsClaimedWithoutWaitingForThePoll() throws InterruptedException {
    Http http = new Http("http://localhost:" + port);
    Thread.sleep(1000); // the pool's first poll (at start) is over
    String id = http.post("/api/v1/jobs", Http.example("iris-mlp")).json().get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    JsonNode job = http.get("/api/v1/jobs/" + id).json();
    while (job.get("startedAt").isNull() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      job = http.get("/api/v1/jobs/" + id).json();
    }
    assertThat(job.get("status").asText()).isIn("RUNNING", "SUCCEEDED");
    Duration queued = Duration.between(Instant.parse(job.get("createdAt").asText()),
        Instant.parse(job.get("startedAt").asText()));
    assertThat(queued).isLessThan(Duration.ofSeconds(20));
  }
}
