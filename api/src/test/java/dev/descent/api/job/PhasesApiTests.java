package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The phases example through the API: it succeeds, its stored spec keeps the phases without the top-level fields
 * they replace, and its metrics show the phase and batch-size change; bad phases are problems at their pointers.
 */
class PhasesApiTests extends ApiTestBase {
  @Test
  void theExampleRunsBothPhases() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-adam-then-sgd"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    JsonNode spec = created.json().get("spec");
    assertThat(spec.get("phases")).hasSize(2);
    assertThat(spec.has("epochs")).isFalse();

    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("progress").get("totalIterations").asLong()).isEqualTo(20 * 8 + 30 * 2);
    JsonNode series = http().get("/api/v1/jobs/" + id + "/metrics?names=batch_size,phase&maxPoints=1000").json()
        .get("series");
    JsonNode batchSizes = series.get(0).get("points");
    assertThat(batchSizes.get(0).get("value").asDouble()).isEqualTo(16.0);
    assertThat(batchSizes.get(batchSizes.size() - 1).get("value").asDouble()).isEqualTo(64.0);
    JsonNode phases = series.get(1).get("points");
    assertThat(phases.get(phases.size() - 1).get("value").asDouble()).isEqualTo(1.0);
  }

  @Test
  void badPhasesAreProblemsAtTheirPointers() {
    String body = Http.example("iris-adam-then-sgd").replace("\"lr\": 0.05", "\"lr\": -0.05")
        .replace("\"checkpoint\"", "\"epochs\": 3, \"checkpoint\"");
    Http.Response response = http().post("/api/v1/jobs", body);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text()).contains("/phases/1/optimizer/lr").contains("\"/epochs\"");
  }
}
