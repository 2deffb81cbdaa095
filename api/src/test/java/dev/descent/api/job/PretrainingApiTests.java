package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The greedy pretraining example through the API: it succeeds, its stored spec keeps the pretraining, its progress
 * counts the stages' updates, and its metrics show {@code pretrain_loss} and {@code pretrain_stage} before the
 * training's {@code loss}; bad pretraining settings are problems at their pointers.
 */
class PretrainingApiTests extends ApiTestBase {
  /** Iris, 120 training samples in batches of 16: 8 updates an epoch; 3 stages of 5 epochs, then 30 epochs. */
  private static final int PRETRAINING_UPDATES = 3 * 5 * 8;

  @Test
  void theExamplePretrainsEachHiddenLayerThenTrains() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-greedy-pretraining"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("spec").get("pretraining").get("epochsPerLayer").asInt()).isEqualTo(5);

    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("progress").get("totalIterations").asLong()).isEqualTo(PRETRAINING_UPDATES + 30 * 8);
    assertThat(job.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
    Map<String, JsonNode> series = new HashMap<>();
    http().get("/api/v1/jobs/" + id + "/metrics?names=pretrain_loss,pretrain_stage,loss&maxPoints=100000").json()
        .get("series").forEach(s -> series.put(s.get("name").asText(), s.get("points")));
    JsonNode pretrainLoss = series.get("pretrain_loss");
    assertThat(pretrainLoss).hasSize(PRETRAINING_UPDATES);
    assertThat(pretrainLoss.get(PRETRAINING_UPDATES - 1).get("step").asLong()).isEqualTo(PRETRAINING_UPDATES);
    JsonNode stages = series.get("pretrain_stage");
    assertThat(stages.get(0).get("value").asDouble()).isEqualTo(1.0);
    assertThat(stages.get(stages.size() - 1).get("value").asDouble()).isEqualTo(3.0);
    assertThat(series.get("loss").get(0).get("step").asLong()).isEqualTo(PRETRAINING_UPDATES + 1);
  }

  @Test
  void badPretrainingIsAProblemAtItsPointer() {
    String example = Http.example("iris-greedy-pretraining");
    Http.Response zero = http().post("/api/v1/jobs", example.replace("\"epochsPerLayer\": 5", "\"epochsPerLayer\": 0"));
    assertThat(zero.status()).isEqualTo(422);
    assertThat(zero.text()).contains("/pretraining/epochsPerLayer");
    Http.Response phased = http().post("/api/v1/jobs", example.replace("\"epochs\": 30,", "")
        .replace("\"batchSize\": 16,", "").replace("\"optimizer\": {\"type\": \"adam\", \"lr\": 0.01},",
            "\"phases\": [{\"epochs\": 3}],"));
    assertThat(phased.status()).as(phased.text()).isEqualTo(422);
    assertThat(phased.text()).contains("\"/pretraining\"").contains("cannot be combined with phases");
  }
}
