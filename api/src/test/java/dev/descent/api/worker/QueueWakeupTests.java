package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A submitted job is claimed through the database's notification, not the poll: with the poll every ten minutes
 * (after the one at start), a job submitted later still starts at once.
 */
@TestPropertySource(properties = "descent.workers.poll-interval=10m")
class QueueWakeupTests extends ApiTestBase {
  @Test
  void aSubmittedJobIsClaimedWithoutWaitingForThePoll() {
    pause(1000); // the pool's first poll (at start) is over
    String id = http().post("/api/v1/jobs", Http.example("iris-mlp")).json().get("id").asText();
    JsonNode job = awaitJob(id, Duration.ofSeconds(20), "start", j -> !j.get("startedAt").isNull());
    assertThat(job.get("status").asText()).isIn("RUNNING", "SUCCEEDED");
    Duration queued = Duration.between(Instant.parse(job.get("createdAt").asText()),
        Instant.parse(job.get("startedAt").asText()));
    assertThat(queued).isLessThan(Duration.ofSeconds(20));
  }
}
