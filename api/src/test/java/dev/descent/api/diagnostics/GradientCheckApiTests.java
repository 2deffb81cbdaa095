package dev.descent.api.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/gradient-checks} through the running service: a dense + batch norm + residual model passes
 * block by block; too many parameters and a bad epsilon are 422 problems naming the field, and nothing is stored.
 */
class GradientCheckApiTests extends ApiTestBase {
  private static final String MODEL = """
      {"layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                  {"type": "batchnorm"},
                  {"type": "residual", "activation": "tanh", "layers": [
                     {"type": "dense", "units": 6, "activation": "tanh"},
                     {"type": "batchnorm"},
                     {"type": "dense", "units": 6, "activation": "identity"}]},
                  {"type": "output"}]}""";

  private Http.Response check(String body) {
    return http().post("/api/v1/gradient-checks", body);
  }

  @Test
  void aDenseBatchNormResidualModelPassesWithPerBlockResults() {
    Http.Response response =
        check("{\"model\": " + MODEL + ", \"dataset\": {\"name\": \"iris\"}, \"rows\": 8, \"samples\": 20}");

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("passed").asBoolean()).as(response.text()).isTrue();
    assertThat(result.get("rows").asInt()).isEqualTo(8);
    assertThat(result.get("epsilon").asDouble()).isEqualTo(1e-6);
    assertThat(result.get("tolerance").asDouble()).isEqualTo(1e-5);
    JsonNode blocks = result.get("blocks");
    assertThat(blocks.findValuesAsString("block")).contains("0:W", "0:b").hasSizeGreaterThan(8);
    assertThat(blocks.get(0).get("size").asLong()).isEqualTo(4 * 6);
    assertThat(blocks.get(0).get("checked").asInt()).isEqualTo(20);
    for (JsonNode block : blocks) {
      assertThat(block.get("passed").asBoolean()).as(block.toString()).isTrue();
      assertThat(block.get("maxRelativeError").asDouble()).isLessThanOrEqualTo(1e-5);
      assertThat(block.has("analytic") && block.has("numeric") && block.has("worstIndex")).isTrue();
    }
  }

  @Test
  void tooManyParametersIsA422NamingTheModelLayers() {
    assertProblem(check("""
        {"model": {"layers": [{"type": "dense", "units": 2000}, {"type": "output"}]},
         "dataset": {"name": "digits"}}"""), "/model/layers");
  }

  @Test
  void aBadEpsilonIsA422NamingEpsilon() {
    assertProblem(check("{\"model\": " + MODEL + ", \"dataset\": {\"name\": \"iris\"}, \"epsilon\": -1}"),
        "/epsilon");
  }

  @Test
  void dropoutAndTooManyRowsAreRefusedByField() {
    assertProblem(check("""
        {"model": {"layers": [{"type": "dense", "units": 4, "dropout": 0.2}, {"type": "output"}]},
         "dataset": {"name": "iris"}, "rows": 65}"""), "/model/layers/0/dropout", "/rows");
  }

  private void assertProblem(Http.Response response, String... pointers) {
    long before = jobRows();
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("https://descent.dev/problems/invalid-spec");
    assertThat(problem.get("errors").findValuesAsString("pointer")).as(response.text())
        .containsExactlyInAnyOrder(pointers);
    assertThat(jobRows()).isEqualTo(before);
  }
}
