package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pause and unpause through the API with real training: a paused job checkpoints where it stopped and frees its
 * worker, and once unpaused ends as if it had never stopped; a queued job pauses without running; wrong states 409.
 */
class PauseApiTests extends ApiTestBase {

  @Test
  void aPausedJobCheckpointsFreesItsWorkerAndEndsAsIfUninterruptedOnceUnpaused() {
    String spec = JobChecks.digitsSpec(12);
    String id = submit(spec);
    awaitJob(id, Duration.ofMinutes(2), "make a fifth of its updates",
        job -> job.get("progress").get("fraction").asDouble() >= 0.2);

    Http.Response asked = http().post("/api/v1/jobs/" + id + "/pause", "");
    assertThat(asked.status()).as(asked.text()).isEqualTo(200);
    assertThat(asked.json().get("status").asText()).isIn("PAUSING", "PAUSED");
    JsonNode paused = awaitStatus(id, Duration.ofSeconds(30), "PAUSED", "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
    long step = paused.get("progress").get("iteration").asLong();
    assertThat(checkpointSteps(id)).as("a checkpoint at the pause step").contains(step);
    assertThat(jdbc.queryForObject("SELECT claimed_by FROM job WHERE id = ?", String.class, UUID.fromString(id)))
        .as("the worker let it go").isNull();
    assertThat(statuses(paused)).containsSubsequence("RUNNING", "PAUSING", "PAUSED");
    assertThat(paused.get("maxAttempts").asInt()).as("a pause uses up no attempt").isEqualTo(6);
    pause(1000);
    assertThat(http().get("/api/v1/jobs/" + id).json().get("status").asText()).as("nobody claims it")
        .isEqualTo("PAUSED");

    Http.Response unpaused = http().post("/api/v1/jobs/" + id + "/unpause", "");
    assertThat(unpaused.status()).as(unpaused.text()).isEqualTo(200);
    JobChecks.assertFinishedAsIfUninterrupted(reads(), id, spec);
  }

  @Test
  void aQueuedJobPausesWithoutRunningAndWrongStatesAreConflicts() {
    String busy1 = submitLong(0);
    String busy2 = submitLong(0);
    awaitStatus(busy1, Duration.ofSeconds(30), "RUNNING");
    awaitStatus(busy2, Duration.ofSeconds(30), "RUNNING");
    String queued = submitLong(-100);

    JsonNode paused = http().post("/api/v1/jobs/" + queued + "/pause", "").json();
    assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("attempt").asInt()).as("it never ran").isZero();
    assertThat(http().post("/api/v1/jobs/" + busy1 + "/unpause", "").status()).as("not paused").isEqualTo(409);

    for (String id : List.of(busy1, busy2, queued)) {
      http().post("/api/v1/jobs/" + id + "/cancel", "");
      awaitStatus(id, Duration.ofSeconds(20), "CANCELLED");
    }
    Http.Response finished = http().post("/api/v1/jobs/" + busy1 + "/pause", "");
    assertThat(finished.status()).isEqualTo(409);
    assertThat(finished.contentType()).startsWith("application/problem+json");
    assertThat(finished.json().get("detail").asText()).contains("CANCELLED");
    assertThat(http().post("/api/v1/jobs/" + queued + "/unpause", "").status()).isEqualTo(409);
    assertThat(statuses(http().get("/api/v1/jobs/" + queued).json())).doesNotContain("RUNNING");
  }

  private String submit(String spec) {
    Http.Response created = http().post("/api/v1/jobs", spec);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private String submitLong(int priority) {
    return submit(Http.example("iris-mlp")
        .replace("\"epochs\": 60", "\"epochs\": 4000")
        .replace("\"priority\": 0", "\"priority\": " + priority));
  }

  private List<Long> checkpointSteps(String id) {
    List<Long> steps = new ArrayList<>();
    http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")
        .forEach(c -> steps.add(c.get("step").asLong()));
    return steps;
  }

  private static List<String> statuses(JsonNode job) {
    List<String> out = new ArrayList<>();
    job.get("timeline").forEach(e -> out.add(e.get("to").asText()));
    return out;
  }

  private JobChecks.Reads reads() {
    return JobChecks.over(this::http);
  }
}
