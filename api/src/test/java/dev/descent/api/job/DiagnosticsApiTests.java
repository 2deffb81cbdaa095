package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The diagnostics example through the API: its per-layer and curvature series are ordinary metric series, listed
 * by {@code GET /api/v1/jobs/{id}/metrics} and readable by name; bad diagnostics fields are a 422 naming the field.
 */
class DiagnosticsApiTests extends ApiTestBase {
  @Test
  void theSeriesAppearUnderTheJobsMetrics() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("iris-diagnostics"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("spec").get("diagnostics").get("curvatureEvery").asInt()).isEqualTo(10);
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("SUCCEEDED");

    List<String> names = new ArrayList<>();
    http().get("/api/v1/jobs/" + id + "/metrics").json().get("series").forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).contains("grad_norm/0:dense", "grad_norm/1:batchnorm", "grad_norm/3:output",
        "update_ratio/0:dense", "update_ratio/2:dense", "dead_fraction/0:dense", "dead_fraction/2:dense",
        "curvature", "curvature_ratio", "loss");
    JsonNode ratios = points(id, "update_ratio/0:dense");
    assertThat(ratios.size()).isEqualTo(8 * 20 / 2);
    assertThat(ratios.get(0).get("step").asLong()).isEqualTo(2);
    JsonNode ratio = points(id, "curvature_ratio");
    JsonNode curvature = points(id, "curvature");
    assertThat(ratio.size()).isEqualTo(8 * 20 / 10);
    assertThat(ratio.get(0).get("step").asLong()).isEqualTo(10);
    double lr = 0.1;
    assertThat(ratio.get(0).get("value").asDouble()).isEqualTo(0.5 * lr * curvature.get(0).get("value").asDouble())
        .isFinite().isNotZero();
  }

  private JsonNode points(String id, String name) {
    JsonNode series = http().get("/api/v1/jobs/" + id + "/metrics?names=" + name).json().get("series");
    assertThat(series.size()).as(name).isEqualTo(1);
    assertThat(series.get(0).get("name").asText()).isEqualTo(name);
    return series.get(0).get("points");
  }

  @Test
  void badFieldsAreRefusedAtTheirPointers() {
    Http.Response refused = http().post("/api/v1/jobs", Http.example("iris-diagnostics")
        .replace("\"everyIterations\": 2", "\"everyIterations\": -2, \"often\": true"));
    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.text()).contains("/diagnostics/everyIterations", "/diagnostics/often");
  }
}
