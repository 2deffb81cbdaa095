package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The range-test example through the API: it succeeds with its (lr, smoothed loss) curve as metric series, the rate
 * growing every step, and a suggested rate inside the range in its latest metrics; a bad field is a problem.
 */
class LrRangeTestApiTests extends ApiTestBase {
  @Test
  void theExampleSucceedsWithItsCurveAndASuggestion() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-lr-range-test"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("spec").get("task").asText()).isEqualTo("lr_range_test");

    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    double suggested = job.get("latestMetrics").get("suggested_lr").asDouble();
    assertThat(suggested).isBetween(1e-5, 10.0);

    JsonNode series = http().get("/api/v1/jobs/" + id + "/metrics?names=lr,smoothed_loss&maxPoints=1000").json()
        .get("series");
    List<Double> lrs = values(series.get(0));
    assertThat(lrs).hasSizeGreaterThan(10).hasSameSizeAs(values(series.get(1)));
    assertThat(lrs.get(0)).isEqualTo(1e-5);
    for (int i = 1; i < lrs.size(); i++) {
      assertThat(lrs.get(i)).isGreaterThan(lrs.get(i - 1));
    }
  }

  @Test
  void anEpochsFieldIsAProblem() {
    String body = Http.example("iris-lr-range-test").replace("\"batchSize\": 16", "\"batchSize\": 16, \"epochs\": 3");
    Http.Response response = http().post("/api/v1/jobs", body);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text()).contains("/epochs");
  }

  private static List<Double> values(JsonNode seriesEntry) {
    List<Double> out = new ArrayList<>();
    seriesEntry.get("points").forEach(p -> out.add(p.get("value").asDouble()));
    return out;
  }
}
