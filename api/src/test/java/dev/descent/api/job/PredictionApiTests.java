package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/jobs/{id}/predictions} on a trained iris job: its own scores, given rows, bad requests. */
class PredictionApiTests extends ApiTestBase {
  private static final String SETOSA = "[5.1, 3.5, 1.4, 0.2]";
  private static final String VIRGINICA = "[6.7, 3.0, 5.2, 2.3]";

  @Test
  void aTrainedJobReproducesItsValidationScoresAndAnswersProbabilities() {
    String spec = Http.example("iris-mlp").replace("\"everyEpochs\": 0", "\"everyEpochs\": 20")
        .replace("\"keepLast\": 3", "\"keepLast\": 3, \"keepBest\": 1")
        .replace("\"epochs\": 60,", "\"epochs\": 60, \"averaging\": [{\"type\": \"ema\", \"decay\": 0.99}],");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();
    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode reported = job.get("latestMetrics");

    JsonNode scored = predict(id, "{\"dataset\": {\"split\": \"validation\"}}", 200);
    assertThat(scored.get("kind").asText()).isEqualTo("final");
    assertThat(scored.get("accuracy").asDouble()).isCloseTo(reported.get("val_accuracy").asDouble(), within(1e-9));
    assertThat(scored.get("loss").asDouble()).isCloseTo(reported.get("val_loss").asDouble(), within(1e-6));
    assertThat(scored.get("rows").asInt()).isEqualTo(30).isEqualTo(scored.get("outputs").size());
    assertThat(sum(scored.get("confusionMatrix"))).isEqualTo(30);

    JsonNode given = predict(id, "{\"checkpoint\": \"final\", \"variant\": \"raw\", \"inputs\": [" + SETOSA + ", "
        + VIRGINICA + "]}", 200);
    assertThat(given.path("loss").isNumber()).as("no labels, no loss").isFalse();
    for (JsonNode row : given.get("outputs")) {
      assertThat(row.size()).isEqualTo(3);
      assertThat(row.get(0).asDouble() + row.get(1).asDouble() + row.get(2).asDouble()).isCloseTo(1.0, within(1e-5));
    }
    assertThat(given.get("outputs").get(0).get(0).asDouble()).isGreaterThan(0.5);
    assertThat(given.get("outputs").get(1).get(2).asDouble()).isGreaterThan(0.5);
    JsonNode labelled = predict(id, "{\"inputs\": [" + SETOSA + ", " + VIRGINICA + "], \"labels\": [0, 2]}", 200);
    assertThat(labelled.get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(labelled.get("loss").asDouble()).isPositive().isLessThan(0.5);

    JsonNode best = predict(id, "{\"checkpoint\": \"best\", \"dataset\": {\"split\": \"validation\"}}", 200);
    assertThat(best.get("kind").asText()).isEqualTo("periodic");
    JsonNode chosen = checkpoint(id, best.get("checkpointId").asText());
    assertThat(best.get("loss").asDouble()).isCloseTo(chosen.get("metrics").get("val_loss").asDouble(), within(1e-6));
    byId(id, chosen);
    polyak(id);
    badRequests(id);
  }

  @Test
  void aWhitenedJobAppliesItsStoredTransformToRawRows() {
    String spec = Http.example("digits-zca").replace("\"epochs\": 30", "\"epochs\": 5");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();
    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode reported = job.get("latestMetrics");

    JsonNode scored = predict(id, "{\"dataset\": {\"split\": \"validation\"}}", 200);
    assertThat(scored.get("accuracy").asDouble()).isCloseTo(reported.get("val_accuracy").asDouble(), within(1e-9));
    assertThat(scored.get("loss").asDouble()).isCloseTo(reported.get("val_loss").asDouble(), within(1e-6));

    Samples raw = TrainingData.raw(SpecParser.parse(spec, EngineLimits.DEFAULTS).dataset(), 1).validation();
    StringBuilder body = new StringBuilder("{\"inputs\": [");
    for (int i = 0; i < raw.size(); i++) {
      body.append(i == 0 ? "" : ",").append(Arrays.toString(raw.features()[i]));
    }
    body.append("], \"labels\": ").append(Arrays.toString(raw.labels())).append('}');
    JsonNode given = predict(id, body.toString(), 200);
    assertThat(given.get("accuracy").asDouble()).isCloseTo(reported.get("val_accuracy").asDouble(), within(1e-9));
    assertThat(given.get("loss").asDouble()).isCloseTo(reported.get("val_loss").asDouble(), within(1e-6));

    Http.Response refused = http().post("/api/v1/jobs", spec.replace("\"zca\"", "\"foo\""));
    assertThat(refused.status()).isEqualTo(422);
    assertPointer(refused.json(), "/dataset/whiten");
  }

  private static long sum(JsonNode matrix) {
    long total = 0;
    for (JsonNode row : matrix) {
      for (JsonNode count : row) {
        total += count.asLong();
      }
    }
    return total;
  }

  private void byId(String id, JsonNode chosen) {
    JsonNode again = predict(id, "{\"checkpoint\": \"" + chosen.get("id").asText() + "\", \"inputs\": ["
        + SETOSA + "]}", 200);
    assertThat(again.get("step").asLong()).isEqualTo(chosen.get("step").asLong());
  }

  private void polyak(String id) {
    JsonNode averaged = predict(id, "{\"variant\": \"polyak-ema\", \"dataset\": {\"split\": \"validation\"}}", 200);
    assertThat(averaged.get("kind").asText()).isEqualTo("polyak-ema");
    JsonNode stored = checkpoint(id, averaged.get("checkpointId").asText());
    assertThat(averaged.get("loss").asDouble())
        .isCloseTo(stored.get("metrics").get("val_loss").asDouble(), within(1e-6));
    assertThat(averaged.get("accuracy").asDouble())
        .isCloseTo(stored.get("metrics").get("val_accuracy").asDouble(), within(1e-9));
  }

  private void badRequests(String id) {
    assertPointer(predict(id, "{\"inputs\": [[1, 2, 3], " + SETOSA + "]}", 422), "/inputs/0");
    assertPointer(predict(id, "{\"variant\": \"polyak-arithmetic\", \"inputs\": [" + SETOSA + "]}", 422),
        "/variant");
    assertPointer(predict(id, "{\"checkpoint\": \"best\", \"variant\": \"polyak-ema\", \"inputs\": [" + SETOSA + "]}",
        422), "/variant");
    assertPointer(predict(id, "{\"variant\": \"nesterov\", \"inputs\": [" + SETOSA + "]}", 422), "/variant");
    assertPointer(predict(id, "{\"checkpoint\": \"latest\", \"inputs\": [" + SETOSA + "]}", 422), "/checkpoint");
    assertPointer(predict(id, "{\"inputs\": [" + SETOSA + "], \"labels\": [3]}", 422), "/labels/0");
    assertPointer(predict(id, "{\"inputs\": [" + SETOSA + "], \"labels\": [0, 1]}", 422), "/labels");
    predict(id, "{\"checkpoint\": \"00000000-0000-0000-0000-000000000001\", \"inputs\": [" + SETOSA + "]}", 404);
    predict("00000000-0000-0000-0000-000000000002", "{\"inputs\": [" + SETOSA + "]}", 404);
    String rows = String.join(",", Collections.nCopies(10_001, SETOSA));
    assertThat(predict(id, "{\"inputs\": [" + rows + "]}", 413).get("detail").asText()).contains("/inputs");
  }

  private JsonNode predict(String id, String body, int status) {
    Http.Response response = http().post("/api/v1/jobs/" + id + "/predictions", body);
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    if (status >= 400) {
      assertThat(response.contentType()).isEqualTo("application/problem+json");
    }
    return response.json();
  }

  private JsonNode checkpoint(String id, String checkpointId) {
    for (JsonNode c : http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")) {
      if (c.get("id").asText().equals(checkpointId)) {
        return c;
      }
    }
    throw new AssertionError("no checkpoint " + checkpointId);
  }

  private static void assertPointer(JsonNode problem, String pointer) {
    assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
  }
}
