package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code curriculum}: a job with a curriculum succeeds and reports its subset sizes per epoch; one scored by another
 * job stores that job's resolved checkpoint (its final one when it has no best) and succeeds; a missing or
 * mismatched scoring job and bad settings are problems at their fields, nothing stored.
 */
class CurriculumApiTests extends SourceJobApiTestBase {
  private static final String SOURCE = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 3");

  @Test
  void aCurriculumJobSucceedsAndReportsItsSubsets() {
    String id = http().post("/api/v1/jobs", curriculum("loss", 16, 0.5, 2)).json().get("id").asText();
    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED");

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("spec").get("curriculum").get("startFraction").asDouble()).isEqualTo(0.5);
    // iris: 120 training examples, f = 0.5, 0.75, 1 → 60, 90, 120
    assertThat(values(id, "train_examples")).containsExactly(60.0, 90.0, 120.0);
  }

  @Test
  void aCurriculumScoredByAnotherJobUsesItsCheckpoint() {
    String source = http().post("/api/v1/jobs", SOURCE).json().get("id").asText();
    assertThat(awaitStatus(source, Duration.ofSeconds(120), "SUCCEEDED", "FAILED").get("status").asText())
        .isEqualTo("SUCCEEDED");
    String sourceFinal = finalCheckpoint(source).get("id").asText();

    String id = http().post("/api/v1/jobs", curriculum(source, 16, 0.3, 2)).json().get("id").asText();
    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED");

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("spec").get("curriculum").get("checkpoint").asText()).isEqualTo(sourceFinal);
    assertThat(values(id, "train_examples")).containsExactly(36.0, 78.0, 120.0);
    refused(curriculum(source, 8, 0.3, 2), "/curriculum/scoredBy", "parameter shapes");
  }

  @Test
  void badCurriculaAreProblemsAtTheirFields() {
    refused(curriculum(UUID.randomUUID().toString(), 16, 0.3, 2), "/curriculum/scoredBy", "does not exist");
    refused(curriculum("nearest", 16, 0.3, 2), "/curriculum/scoredBy", "must be \"loss\" or a job id");
    refused(curriculum("loss", 16, 0, 2), "/curriculum/startFraction", "greater than 0");
    refused(curriculum("loss", 16, 0.3, 0), "/curriculum/epochsToFull", "must be in");
    refused(SOURCE.replace("\"maxAttempts\": 3", "\"maxAttempts\": 3, \"curriculum\": {\"type\": \"hard_first\"}"),
        "/curriculum/type", "hard_first");
  }

  /** The iris job (first layer {@code units} wide, 3 epochs) with a curriculum. */
  private static String curriculum(String scoredBy, int units, double start, int epochsToFull) {
    return SOURCE.replaceFirst("\"units\": 16", "\"units\": " + units).replace("\"seed\": 42", "\"seed\": 7")
        .replace("\"maxAttempts\": 3", "\"maxAttempts\": 3, \"curriculum\": {\"type\": \"easy_first\", "
            + "\"scoredBy\": \"" + scoredBy + "\", \"startFraction\": " + start + ", \"epochsToFull\": "
            + epochsToFull + "}");
  }

  private List<Double> values(String id, String metric) {
    JsonNode series = http().get("/api/v1/jobs/" + id + "/metrics?names=" + metric).json().get("series");
    List<Double> out = new ArrayList<>();
    for (JsonNode point : series.get(0).get("points")) {
      out.add(point.get("value").asDouble());
    }
    return out;
  }
}
