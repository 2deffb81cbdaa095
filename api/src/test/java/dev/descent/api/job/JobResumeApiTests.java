package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "Continue training with a lower rate": a cancelled job resumes from its checkpoint with changed settings. */
class JobResumeApiTests extends ApiTestBase {

  @Test
  void aCancelledJobContinuesFromItsCheckpointWithALowerRateAndMoreEpochs() {
    String spec = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 4000")
        .replace("\"everyEpochs\": 0", "\"everyEpochs\": 2");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();
    awaitEpoch(id, 5);
    http().post("/api/v1/jobs/" + id + "/cancel", "");
    JsonNode cancelled = await(id, "CANCELLED");
    JsonNode checkpoint = latestPeriodic(id);
    long checkpointStep = checkpoint.get("step").asLong();
    int epochs = checkpoint.get("epoch").asInt() + 6;

    Http.Response tooFew = http().post("/api/v1/jobs/" + id + "/resume",
        "{\"changes\": {\"epochs\": " + checkpoint.get("epoch").asInt() + "}}");
    assertThat(tooFew.status()).isEqualTo(422);
    assertThat(tooFew.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/changes/epochs");

    Http.Response resumed = http().post("/api/v1/jobs/" + id + "/resume",
        "{\"changes\": {\"epochs\": " + epochs + ", \"optimizer\": {\"lr\": 0.001}}}");
    assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
    assertThat(resumed.json().get("status").asText()).isEqualTo("QUEUED");
    assertThat(resumed.json().get("spec").get("optimizer").get("lr").asDouble()).isEqualTo(0.001);
    assertThat(resumed.json().get("spec").get("optimizer").get("type").asText()).isEqualTo("adam");

    JsonNode done = await(id, "SUCCEEDED");
    assertThat(done.get("attempt").asInt()).isEqualTo(cancelled.get("attempt").asInt() + 1);
    assertThat(statuses(done)).containsSubsequence("CANCELLED", "QUEUED", "RUNNING", "SUCCEEDED");
    assertThat(done.get("progress").get("epoch").asInt()).as(done.toString()).isEqualTo(epochs);
    long total = done.get("progress").get("totalIterations").asLong();
    JsonNode loss = http().get("/api/v1/jobs/" + id + "/metrics?names=loss,lr&maxPoints=100000").json()
        .get("series");
    JsonNode points = loss.get(0).get("points");
    assertThat(points.size()).isEqualTo((int) total);
    for (int i = 0; i < points.size(); i++) {
      assertThat(points.get(i).get("step").asLong()).isEqualTo(i + 1L);
    }
    JsonNode lr = loss.get(1).get("points");
    assertThat(lr.get((int) checkpointStep - 1).get("value").asDouble()).isEqualTo(0.01);
    assertThat(lr.get((int) checkpointStep).get("value").asDouble()).isEqualTo(0.001);
  }

  @Test
  void onlyFailedOrCancelledJobsResumeAndOnlyAllowedFieldsChange() {
    String id = http().post("/api/v1/jobs", Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 2"))
        .json().get("id").asText();
    await(id, "SUCCEEDED");
    assertThat(http().post("/api/v1/jobs/" + id + "/resume", "{}").status()).isEqualTo(409);

    String queued = http().post("/api/v1/jobs",
        Http.example("iris-mlp").replace("\"priority\": 0", "\"priority\": -300")).json().get("id").asText();
    http().post("/api/v1/jobs/" + queued + "/cancel", "");
    await(queued, "CANCELLED");
    assertProblem(queued, "{\"changes\": {\"model\": {}}}", "/changes/model");
    assertProblem(queued, "{\"changes\": {\"optimizer\": {\"type\": \"sgd\"}}}", "/changes/optimizer/type");
    assertProblem(queued, "{\"changes\": {\"optimizer\": {\"lr\": -1}}}", "/changes/optimizer/lr");
    assertProblem(queued, "{\"from\": 3}", "/from");
    assertThat(http().get("/api/v1/jobs/" + queued).json().get("status").asText()).isEqualTo("CANCELLED");
  }

  private void assertProblem(String id, String body, String pointer) {
    Http.Response response = http().post("/api/v1/jobs/" + id + "/resume", body);
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("pointer")).contains(pointer);
  }

  private JsonNode latestPeriodic(String id) {
    JsonNode latest = null;
    for (JsonNode c : http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")) {
      boolean later = latest == null || c.get("step").asLong() > latest.get("step").asLong();
      latest = c.get("kind").asText().equals("periodic") && later ? c : latest;
    }
    assertThat(latest).as("a periodic checkpoint").isNotNull();
    return latest;
  }



  private void awaitEpoch(String id, int epoch) {
    awaitJob(id, Duration.ofSeconds(120), "reach epoch " + epoch,
        job -> job.get("progress").get("epoch").asInt() >= epoch);
  }

  private JsonNode await(String id, String status) {
    return awaitStatus(id, Duration.ofSeconds(120), status);
  }

  private static List<String> statuses(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.get("timeline").forEach(e -> out.add(e.get("to").asText()));
    return out;
  }

}
