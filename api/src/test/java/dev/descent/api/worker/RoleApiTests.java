package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.Http;
import dev.descent.api.support.IsolatedDatabase;
import dev.descent.api.support.Scrape;
import dev.descent.persistence.job.JobEventView;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobView;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code descent.roles=api}: the REST API and the dashboard, no worker pool (a submitted job stays QUEUED), but the
 * reaper runs: a job whose worker died is requeued by an api-only instance too. Its own database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "descent.roles=api",
      "descent.db.embedded=false",
      "descent.workers.poll-interval=100ms",
      "descent.workers.reap-interval=200ms",
      "descent.workers.stale-after=1s"
    })
@DirtiesContext
class RoleApiTests extends RoleContextTest {
  @Autowired JobQueue queue;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    IsolatedDatabase.register(registry, "descent_role_api");
  }

  @Test
  void servesTheApiAndTheDashboardButTrainsNothing() throws InterruptedException {
    for (Class<?> type : new Class<?>[] {WorkerPool.class, TrainingRunner.class, MetricFlusher.class,
        CheckpointWriter.class, WorkerMeters.class}) {
      assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).isEmpty();
    }
    assertThat(http().get("/").status()).isEqualTo(200);
    Http.Response submitted = http().post("/api/v1/jobs", Http.example("iris-mlp"));
    assertThat(submitted.status()).isEqualTo(201);
    String id = submitted.json().get("id").asText();
    Thread.sleep(1_500);
    assertThat(http().get("/api/v1/jobs/" + id).json().get("status").asText()).isEqualTo("QUEUED");
    Scrape scrape = new Scrape(http().get("/actuator/prometheus").text());
    assertThat(scrape.require("descent_queue_depth{status=\"QUEUED\"}")).isGreaterThanOrEqualTo(1.0);
    assertThat(scrape.value("descent_queue_claims_total")).isEmpty();
  }

  @Test
  void reapsTheJobsOfDeadWorkers() {
    UUID id = jobs.submit(Http.example("iris-mlp")).id();
    assertThat(queue.claim("dead-worker", 10)).isNotEmpty();
    JobView job = await("the reaper to requeue the job").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> jobs.get(id), j -> j.status() == JobStatus.QUEUED && j.attempt() == 1);
    assertThat(job.timeline()).map(JobEventView::reason).anyMatch(r -> r.contains("heartbeat lost from dead-worker"));
  }
}
