package dev.descent.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.api.support.Scrape;
import dev.descent.api.support.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scrapes {@code /actuator/prometheus} around real iris jobs: queue depth, claims, attempt durations by outcome,
 * checkpoint sizes and save times, the metric writer (nothing dropped), per-job throughput while a job runs (and gone
 * once it ended), SSE subscribers and the HTTP request histograms.
 */
class PrometheusScrapeTests extends ApiTestBase {
  private static final String SUCCEEDED = "{outcome=\"succeeded\"}";

  @Test
  void aFinishedJobShowsInTheQueueWorkerCheckpointAndWriterMeters() {
    String id = http().post("/api/v1/jobs", Http.example("iris-mlp")).json().get("id").asText();
    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    long updates = job.get("progress").get("totalIterations").asLong();

    Scrape scrape = awaitScrape("the queue depth to count the job",
        s -> s.require("descent_queue_depth{status=\"SUCCEEDED\"}") >= 1);
    assertThat(scrape.require("descent_queue_depth{status=\"QUEUED\"}")).isGreaterThanOrEqualTo(0);
    assertThat(scrape.require("descent_queue_claims_total")).isGreaterThanOrEqualTo(1);
    assertThat(scrape.require("descent_jobs_duration_seconds_count" + SUCCEEDED)).isGreaterThanOrEqualTo(1);
    assertThat(scrape.require("descent_jobs_duration_seconds_max" + SUCCEEDED)).isBetween(0.001, 600.0);
    assertThat(scrape.value("descent_jobs_duration_seconds_bucket" + SUCCEEDED)).isPresent();

    long finalSize = finalCheckpointSize(id);
    assertThat(scrape.require("descent_checkpoint_size_bytes_count")).isGreaterThanOrEqualTo(1);
    assertThat(scrape.require("descent_checkpoint_size_bytes_max")).isGreaterThanOrEqualTo(finalSize);
    assertThat(scrape.require("descent_checkpoint_save_seconds_count")).isGreaterThanOrEqualTo(1);
    assertThat(scrape.require("descent_checkpoint_save_seconds_max")).isBetween(0.0, 60.0);

    assertThat(scrape.require("descent_metrics_written_total")).as("loss, grad_norm per update")
        .isGreaterThanOrEqualTo(2.0 * updates);
    assertThat(scrape.require("descent_metrics_dropped_total")).isZero();
    assertThat(scrape.require("descent_metrics_buffer_full_waits_total")).isZero();
    assertThat(scrape.require("descent_metrics_buffer_depth")).isGreaterThanOrEqualTo(0);
    assertThat(scrape.values("descent_training_samples_total{job=\"" + id + "\"}")).as("removed at the end").isEmpty();
  }

  @Test
  void aRunningJobShowsItsThroughputAndItsEventStreamUntilItEnds() throws Exception {
    String spec = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 5000");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();
    String job = "{job=\"" + id + "\"}";
    try (InputStream events = openEvents(id)) {
      // Both counters move with every update, read one after the other: a scrape can fall between them, so it is
      // compared once the job is 20 updates in (a lag of one or two updates is then within the tolerance).
      Scrape first = awaitScrape("the job to train",
          s -> s.value("descent_training_samples_total" + job).orElse(0) > 0
              && s.value("descent_training_updates_total" + job).orElse(0) >= 20);
      assertThat(first.require("descent_sse_subscribers")).isGreaterThanOrEqualTo(1);
      double updates = first.require("descent_training_updates_total" + job);
      double samples = first.require("descent_training_samples_total" + job);
      assertThat(samples % 16).as("batch size 16").isZero();
      assertThat(samples).as("read just after the updates").isCloseTo(16 * updates, withinPercentage(25));
      awaitScrape("the sample counter to grow", s -> s.require("descent_training_updates_total" + job) > updates);
    }
    assertThat(http().post("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("CANCELLED");
    Scrape after = scrape();
    assertThat(after.values("descent_training_samples_total" + job)).isEmpty();
    assertThat(after.values("descent_training_updates_total" + job)).isEmpty();
    assertThat(after.require("descent_jobs_duration_seconds_count{outcome=\"cancelled\"}")).isGreaterThanOrEqualTo(1);
    assertThat(after.require("descent_metrics_dropped_total")).isZero();
  }

  @Test
  void httpRequestsHaveHistograms() {
    assertThat(http().get("/api/v1/jobs").status()).isEqualTo(200);
    Scrape scrape = scrape();
    String series = "http_server_requests_seconds_bucket{error=\"none\",exception=\"none\",method=\"GET\"";
    assertThat(scrape.values(series)).as(series).hasSizeGreaterThan(10);
    assertThat(scrape.text()).contains("uri=\"/api/v1/jobs\"").contains("le=\"+Inf\"");
  }

  private Scrape scrape() {
    Http.Response response = http().get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/plain");
    return new Scrape(response.text());
  }

  private Scrape awaitScrape(String what, Predicate<Scrape> condition) {
    return await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(this::scrape, condition);
  }

  private long finalCheckpointSize(String id) {
    for (JsonNode c : http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")) {
      if (c.get("kind").asText().equals("final")) {
        return c.get("sizeBytes").asLong();
      }
    }
    throw new AssertionError("no final checkpoint of " + id);
  }

  private InputStream openEvents(String id) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/" + id
        + "/events")).header("Accept", "text/event-stream")
        .header("Authorization", TestKeys.bearer(TestKeys.ADMIN)).GET().build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
