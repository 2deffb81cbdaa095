package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tools.jackson.databind.JsonNode;

/** The walking skeleton end to end: a client submits, polls, reads history, downloads a model, cancels. */
class JobLifecycleApiTests extends ApiTestBase {

  @Test
  void anIrisJobTrainsToSuccessWithAHistoryAndARestorableCheckpoint() throws Exception {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-mlp"));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.location()).isEqualTo("/api/v1/jobs/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("QUEUED");

    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    Http.Response read = http().get("/api/v1/jobs/" + id);
    assertThat(read.etag()).isNotBlank();
    Http.Response unchanged = http().get("/api/v1/jobs/" + id, read.etag());
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(job.get("latestMetrics").get("val_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(job.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    assertThat(job.get("progress").get("epoch").asInt()).isEqualTo(60);
    assertThat(job.get("progress").get("iteration").asLong())
        .isEqualTo(job.get("progress").get("totalIterations").asLong());
    assertThat(statuses(job)).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
    long iterations = job.get("progress").get("totalIterations").asLong();

    JsonNode raw = http().get("/api/v1/jobs/" + id + "/metrics?names=loss&maxPoints=100000").json();
    assertThat(raw.get("series").get(0).get("points")).hasSize((int) iterations);
    assertThat(raw.get("series").get(0).get("downsampled").asBoolean()).isFalse();

    JsonNode loss = http().get("/api/v1/jobs/" + id + "/metrics?names=loss,val_accuracy&maxPoints=20").json()
        .get("series");
    assertThat(loss).hasSize(2);
    assertThat(loss.get(0).get("downsampled").asBoolean()).isTrue();
    JsonNode points = loss.get(0).get("points");
    assertThat(points.size()).isLessThanOrEqualTo(20).isGreaterThan(2);
    assertThat(points.get(0).get("step").asLong()).isEqualTo(1);
    assertThat(points.get(points.size() - 1).get("step").asLong()).isEqualTo(iterations);
    for (JsonNode p : points) {
      assertThat(p.get("min").asDouble()).isLessThanOrEqualTo(p.get("value").asDouble());
      assertThat(p.get("max").asDouble()).isGreaterThanOrEqualTo(p.get("value").asDouble());
    }

    JsonNode checkpoint = http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items").get(0);
    assertThat(checkpoint.get("kind").asText()).isEqualTo("final");
    Http.Response zip =
        http().get("/api/v1/jobs/" + id + "/checkpoints/" + checkpoint.get("id").asText() + "/content");
    assertThat(zip.contentType()).isEqualTo("application/zip");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.body())))
        .isEqualTo(checkpoint.get("sha256").asText());
    MultiLayerNetwork restored =
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip.body()), true);
    assertThat(restored.getUpdater().getStateViewArray().norm2Number().doubleValue()).isPositive();
    double[] probabilities = restored.output(Nd4j.create(new float[][] {{0f, 0f, 0f, 0f}})).toDoubleVector();
    assertThat(probabilities).hasSize(3);
    assertThat(probabilities[0] + probabilities[1] + probabilities[2])
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void aRunningJobStopsSoonAfterCancelAndAQueuedOneAtOnce() {
    String first = submitLong(0);
    String second = submitLong(0);
    String queued = submitLong(-100);
    awaitIterations(first);

    JsonNode cancelledQueued = http().post("/api/v1/jobs/" + queued + "/cancel", "").json();
    assertThat(cancelledQueued.get("status").asText()).isEqualTo("CANCELLED");

    Instant asked = Instant.now();
    JsonNode cancelling = http().post("/api/v1/jobs/" + first + "/cancel", "").json();
    assertThat(cancelling.get("status").asText()).isIn("CANCELLING", "CANCELLED");
    JsonNode done = awaitStatus(first, Duration.ofSeconds(20), "CANCELLED", "SUCCEEDED", "FAILED");
    assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
    assertThat(statuses(done)).containsSubsequence("RUNNING", "CANCELLING", "CANCELLED");

    http().post("/api/v1/jobs/" + second + "/cancel", "");
    assertThat(awaitStatus(second, Duration.ofSeconds(20), "CANCELLED").get("status").asText())
        .isEqualTo("CANCELLED");
    Http.Response again = http().post("/api/v1/jobs/" + first + "/cancel", "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void theListIsNewestFirstAndFiltersByStatus() {
    String older = submitLong(-200);
    String newer = submitLong(-200);
    http().post("/api/v1/jobs/" + older + "/cancel", "");
    http().post("/api/v1/jobs/" + newer + "/cancel", "");
    awaitStatus(older, Duration.ofSeconds(20), "CANCELLED");
    awaitStatus(newer, Duration.ofSeconds(20), "CANCELLED");

    JsonNode page = http().get("/api/v1/jobs?status=CANCELLED&size=200").json();
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(j -> {
      assertThat(j.get("status").asText()).isEqualTo("CANCELLED");
      ids.add(j.get("id").asText());
    });
    assertThat(ids).containsSubsequence(newer, older);
    assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

    JsonNode small = http().get("/api/v1/jobs?size=1&page=0").json();
    assertThat(small.get("items")).hasSize(1);
    assertThat(small.get("totalPages").asInt()).isEqualTo(small.get("totalElements").asInt());
  }

  @Test
  void theListAnswersSummariesByDefaultAndTheSpecsOnRequest() {
    String id = submitLong(-200);
    http().post("/api/v1/jobs/" + id + "/cancel", "");
    JsonNode job = awaitStatus(id, Duration.ofSeconds(20), "CANCELLED");

    JsonNode summary = item(http().get("/api/v1/jobs?status=CANCELLED&size=200").json(), id);
    assertThat(summary.has("spec")).isFalse();
    assertThat(summary.has("timeline")).isFalse();
    assertThat(summary.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(summary.get("name").asText()).isEqualTo("iris-mlp");
    assertThat(summary.get("createdAt").asText()).isEqualTo(job.get("createdAt").asText());
    assertThat(summary.get("finishedAt").asText()).isEqualTo(job.get("finishedAt").asText());
    assertThat(summary.get("progress")).isEqualTo(job.get("progress"));

    JsonNode full = item(http().get("/api/v1/jobs?status=CANCELLED&size=200&view=full").json(), id);
    assertThat(full).isEqualTo(job);
    assertThat(full.get("spec").get("epochs").asInt()).isEqualTo(4000);
    assertThat(statuses(full)).startsWith("QUEUED").endsWith("CANCELLED");
    assertThat(item(http().get("/api/v1/jobs?status=CANCELLED&size=200&view=summary").json(), id))
        .isEqualTo(summary);
  }

  private static JsonNode item(JsonNode page, String id) {
    for (JsonNode j : page.get("items")) {
      if (j.get("id").asText().equals(id)) {
        return j;
      }
    }
    throw new AssertionError("job " + id + " not in " + page);
  }

  private String submitLong(int priority) {
    String spec = Http.example("iris-mlp")
        .replace("\"epochs\": 60", "\"epochs\": 4000")
        .replace("\"priority\": 0", "\"priority\": " + priority);
    Http.Response created = http().post("/api/v1/jobs", spec);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asText();
  }



  private void awaitIterations(String id) {
    awaitJob(id, Duration.ofSeconds(60), "report progress", job -> job.get("progress").get("iteration").asLong() > 0);
  }

  private static List<String> statuses(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.get("timeline").forEach(e -> out.add(e.get("to").asText()));
    return out;
  }

}
