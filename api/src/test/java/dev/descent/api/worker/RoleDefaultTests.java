package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The default roles ({@code api,worker}): API, dashboard, worker pool and reaper in one process; the old
 * {@code descent.workers.pool-size} still sets the slots; the worker's generated id is {@code host:pid:random8} and
 * is what the job timeline shows.
 */
class RoleDefaultTests extends ApiTestBase {
  @Autowired ApplicationContext context;

  @Test
  void servesTheApiAndTrainsAsAReadableWorkerId() {
    WorkerPool pool = context.getBean(WorkerPool.class);
    assertThat(pool.slots()).as("descent.workers.pool-size=2 (ApiTestBase)").isEqualTo(2);
    assertThat(pool.workerId()).matches("[^:]+:\\d+:[0-9a-f]{8}");
    assertThat(context.getBeanNamesForType(QueueReaper.class)).hasSize(1);
    assertThat(http().get("/").status()).isEqualTo(200);
    assertThat(http().get("/actuator/prometheus").status()).isEqualTo(200);

    Http.Response submitted = http().post("/api/v1/jobs", Http.example("iris-mlp"));
    assertThat(submitted.status()).isEqualTo(201);
    JsonNode job = awaitFinished(submitted.json().get("id").asText());
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(StreamSupport.stream(job.get("timeline").spliterator(), false).map(e -> e.get("reason").asText()))
        .contains("claimed by " + pool.workerId());
  }
}
