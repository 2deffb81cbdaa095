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

  /**
   * The iris example made invalid by one replacement, a row a case (status 422, type invalid-spec): what is wrong |
   * the text replaced | its replacement | the pointer the problem names.
   */
  private static final String INVALID_SPECS = """
      unknown top-level field | "seed": 42      | "seed": 42, "epoch": 3 | /epoch
      unknown nested field    | "units": 16,    | "unit": 16,            | /model/layers/0/unit
      unknown dataset         | "iris"          | "irises"               | /dataset/name
      unknown layer type      | "type": "dense" | "type": "densest"      | /model/layers/0/type
      unknown activation      | "relu"          | "rectifier"            | /model/layers/0/activation
      unknown optimizer       | "adam"          | "adamm"                | /optimizer/type
      negative learning rate  | "lr": 0.01      | "lr": -0.01            | /optimizer/lr
      infinite learning rate  | "lr": 0.01      | "lr": 1e999            | /optimizer/lr
      zero units              | "units": 16,    | "units": 0,            | /model/layers/0/units
      zero epochs             | "epochs": 60    | "epochs": 0            | /epochs
      epochs above the limit  | "epochs": 60    | "epochs": 5001         | /epochs
      too many parameters     | "units": 16,    | "units": 4000,         | /model/layers
      negative batch size     | "batchSize": 16 | "batchSize": -1        | /batchSize
      wrong type              | "epochs": 60    | "epochs": "sixty"      | /epochs
      early stopping patience | "seed": 42      | "seed": 42, "earlyStopping": {"patience": 0} | /earlyStopping/patience
      early stopping metric   | "seed": 42      | "seed": 42, "earlyStopping": {"metric": "x"} | /earlyStopping/metric
      """;

  static Stream<Arguments> badSpecs() {
    Stream<Arguments> invalid = INVALID_SPECS.lines().map(row -> row.split("\\s*\\|\\s*"))
        .map(cell -> bad(cell[0], replaced(cell[1], cell[2]), 422, "invalid-spec", cell[3]));
    return Stream.concat(Stream.of(bad("malformed JSON", "{\"epochs\": ", 400, "malformed-json", "")), invalid);
  }

  /** The iris example with {@code from} (which must occur in it) replaced by {@code to}. */
  private static String replaced(String from, String to) {
    assertThat(IRIS).as("the iris example").contains(from);
    return IRIS.replace(from, to);
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

    Http.Response view = http().get("/api/v1/jobs?view=everything");
    assertThat(view.status()).isEqualTo(400);
    assertThat(view.contentType()).startsWith("application/problem+json");
    assertThat(view.json().get("errors").get(0).get("pointer").asText()).isEqualTo("view");
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
