package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The early-stopping example through the API: it stops before its epochs, succeeds, and says so in its metrics, in
 * its {@code stopReason} and on its timeline.
 */
class EarlyStoppingApiTests extends ApiTestBase {
  @Test
  void theExampleStopsEarlyAndSucceeds() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-early-stopping"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("spec").get("earlyStopping").get("restoreBest").asBoolean()).isTrue();

    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode series = http().get("/api/v1/jobs/" + id + "/metrics?names=stopped_early,stopped_epoch").json()
        .get("series");
    assertThat(series.get(0).get("points").get(0).get("value").asDouble()).isEqualTo(1.0);
    double stoppedEpoch = series.get(1).get("points").get(0).get("value").asDouble();
    assertThat(stoppedEpoch).isGreaterThan(5).isLessThan(200);

    assertThat(job.get("stopReason").asText()).isEqualTo("early_stopping");
    assertThat(job.get("stopDetail").get("stoppedEpoch").asDouble()).isEqualTo(stoppedEpoch);
    assertThat(job.get("stopDetail").get("bestEpoch").asInt()).isPositive().isLessThan((int) stoppedEpoch);
    JsonNode timeline = job.get("timeline");
    JsonNode last = timeline.get(timeline.size() - 1);
    assertThat(last.get("to").asText()).isEqualTo("SUCCEEDED");
    assertThat(last.get("reason").asText()).isEqualTo("completed: stopped early at epoch " + (int) stoppedEpoch
        + " (best epoch " + job.get("stopDetail").get("bestEpoch").asInt() + ")");
    assertThat(last.get("detail").get("stoppedEpoch").asInt()).isEqualTo((int) stoppedEpoch);
  }
}
