package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets an RFC 9457 problem that names the offending field, and leaves the job table as it
 * was.
 */
class BadInputApiTests extends ApiTestBase {
  private static final String IRIS = Http.example("iris-mlp");

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        bad("malformed JSON", "{\"epochs\": ", 400, "malformed-json", ""),
        bad("unknown top-level field", IRIS.replace("\"seed\": 42", "\"seed\": 42, \"epoch\": 3"), 422,
            "invalid-spec", "/epoch"),
        bad("unknown nested field", IRIS.replace("\"units\": 16,", "\"unit\": 16,"), 422, "invalid-spec",
            "/model/layers/0/unit"),
        bad("unknown dataset", IRIS.replace("\"iris\"", "\"irises\""), 422, "invalid-spec", "/dataset/name"),
        bad("unknown layer type", IRIS.replace("\"type\": \"dense\"", "\"type\": \"densest\""), 422,
            "invalid-spec", "/model/layers/0/type"),
        bad("unknown activation", IRIS.replace("\"relu\"", "\"rectifier\""), 422, "invalid-spec",
            "/model/layers/0/activation"),
        bad("unknown optimizer", IRIS.replace("\"adam\"", "\"adamm\""), 422, "invalid-spec", "/optimizer/type"),
        bad("negative learning rate", IRIS.replace("\"lr\": 0.01", "\"lr\": -0.01"), 422, "invalid-spec",
            "/optimizer/lr"),
        bad("infinite learning rate", IRIS.replace("\"lr\": 0.01", "\"lr\": 1e999"), 422, "invalid-spec",
            "/optimizer/lr"),
        bad("zero units", IRIS.replace("\"units\": 16,", "\"units\": 0,"), 422, "invalid-spec",
            "/model/layers/0/units"),
        bad("zero epochs", IRIS.replace("\"epochs\": 60", "\"epochs\": 0"), 422, "invalid-spec", "/epochs"),
        bad("epochs above the limit", IRIS.replace("\"epochs\": 60", "\"epochs\": 5001"), 422, "invalid-spec",
            "/epochs"),
        bad("too many parameters", IRIS.replace("\"units\": 16,", "\"units\": 4000,"), 422, "invalid-spec",
            "/model/layers"),
        bad("negative batch size", IRIS.replace("\"batchSize\": 16", "\"batchSize\": -1"), 422, "invalid-spec",
            "/batchSize"),
        bad("wrong type", IRIS.replace("\"epochs\": 60", "\"epochs\": \"sixty\""), 422, "invalid-spec",
            "/epochs"));
  }

  private static Arguments bad(String what, String body, int status, String type, String pointer) {
    return Arguments.of(what, body, status, type, pointer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void aBadSpecIsRefusedWithItsFieldNamedAndNothingStored(
      String what, String body, int status, String type, String pointer) {
    long before = jobRows();
    Http.Response response = http().post("/api/v1/jobs", body);

    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("https://descent.dev/problems/" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("errors").findValuesAsString("pointer")).as(response.text()).contains(pointer);
    assertThat(response.text()).doesNotContain("Exception").doesNotContain("dev.descent");
    assertThat(jobRows()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedAs415() {
    long before = jobRows();
    Http.Response response = http().post("/api/v1/jobs", IRIS, "text/plain");
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().get("type").asText()).endsWith("/unsupported-media-type");
    assertThat(jobRows()).isEqualTo(before);
  }

  @Test
  void anUnknownJobIs404AndAMalformedIdIs400() {
    Http.Response missing = http().get("/api/v1/jobs/00000000-0000-0000-0000-000000000000");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("type").asText()).endsWith("/not-found");

    Http.Response malformed = http().get("/api/v1/jobs/not-a-uuid");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("pointer").asText()).isEqualTo("id");

    assertThat(http().get("/api/v1/jobs/00000000-0000-0000-0000-000000000000/metrics").status()).isEqualTo(404);
    assertThat(http().get("/api/v1/jobs/00000000-0000-0000-0000-000000000000/checkpoints").status())
        .isEqualTo(404);
  }

  @Test
  void queryParametersOutOfRangeAreNamed() {
    Http.Response size = http().get("/api/v1/jobs?size=0");
    assertThat(size.status()).isEqualTo(400);
    assertThat(size.json().get("errors").get(0).get("pointer").asText()).isEqualTo("size");

    Http.Response status = http().get("/api/v1/jobs?status=DONE");
    assertThat(status.status()).isEqualTo(400);
    assertThat(status.json().get("errors").get(0).get("pointer").asText()).isEqualTo("status");
  }

  @Test
  void metricQueryLimitsAreNamed() {
    String metrics = "/api/v1/jobs/00000000-0000-0000-0000-000000000000/metrics";
    for (String[] bad : new String[][] {{"maxPoints=1", "maxPoints"}, {"maxPoints=100001", "maxPoints"},
        {"from=-1", "from"}, {"from=5&to=4", "to"}}) {
      Http.Response response = http().get(metrics + "?" + bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.json().get("type").asText()).endsWith("/invalid-parameter");
      assertThat(response.json().get("errors").get(0).get("pointer").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
  }

  @Test
  void aSpecOverOneMebibyteIsRefusedAs413AndNothingStored() {
    long before = jobRows();
    String padded = IRIS.replaceFirst("\\{", "{\"name\": \"" + "x".repeat(1 << 20) + "\",");
    Http.Response response = http().post("/api/v1/jobs", padded);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("type").asText()).endsWith("/payload-too-large");
    assertThat(http().post("/api/v1/playground/trajectories", padded).status()).isEqualTo(413);
    assertThat(jobRows()).isEqualTo(before);
  }
}
