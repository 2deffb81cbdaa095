package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.Http;
import dev.descent.api.support.IsolatedDatabase;
import dev.descent.api.support.Scrape;
import dev.descent.persistence.job.JobEventView;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobView;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code descent.roles=worker}: claims and trains as its configured id with its configured slots, serves nothing over
 * HTTP but {@code /actuator/**}. Its own database, so that no other context's worker claims its job.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "descent.roles=worker",
      "descent.worker.id=test-worker-7",
      "descent.worker.slots=3",
      "descent.db.embedded=false",
      "descent.workers.poll-interval=100ms",
      "descent.workers.heartbeat-interval=200ms",
      "descent.workers.reap-interval=500ms"
    })
@DirtiesContext
class RoleWorkerTests extends RoleContextTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    IsolatedDatabase.register(registry, "descent_role_worker");
  }

  @Test
  void trainsAsItsConfiguredIdWithItsConfiguredSlots() {
    WorkerPool pool = context.getBean(WorkerPool.class);
    assertThat(pool.workerId()).isEqualTo("test-worker-7");
    assertThat(pool.slots()).isEqualTo(3);
    assertThat(context.getBeanNamesForType(QueueReaper.class)).hasSize(1);

    UUID id = jobs.submit(Http.example("iris-mlp")).id();
    JobView job = await("the job to finish").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> jobs.get(id), j -> j.status().isTerminal());
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job.timeline()).map(JobEventView::reason).contains("claimed by test-worker-7");
    Scrape scrape = new Scrape(http().get("/actuator/prometheus").text());
    assertThat(scrape.require("descent_queue_claims_total")).isEqualTo(1.0);
    assertThat(scrape.require("descent_jobs_duration_seconds_count{outcome=\"succeeded\"}")).isEqualTo(1.0);
  }

  @Test
  void servesNoApiOnlyTheActuator() {
    Http.Response jobList = http().get("/api/v1/jobs");
    assertThat(jobList.status()).isEqualTo(404);
    assertThat(jobList.contentType()).startsWith("application/problem+json");
    assertThat(jobList.json().get("detail").asText()).contains("descent.roles=worker");
    assertThat(http().post("/api/v1/jobs", Http.example("iris-mlp")).status()).isEqualTo(404);
    assertThat(http().get("/").status()).isEqualTo(404);
    assertThat(http().get("/index.html").status()).isEqualTo(404);
    assertThat(http().get("/api/v1/events").status()).isEqualTo(404);
    assertThat(http().get("/v3/api-docs").status()).isEqualTo(404);
    assertThat(http().get("/actuator/health").status()).isEqualTo(200);
    assertThat(http().get("/actuator/prometheus").status()).isEqualTo(200);
  }
}
