package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import tools.jackson.databind.JsonNode;

/** What the tests of jobs that start from another job's checkpoint (warm start, curriculum) share. */
abstract class SourceJobApiTestBase extends ApiTestBase {

  /** Submitting {@code spec} is a 422 whose first problem is at {@code pointer} and says {@code message}. */
  protected void refused(String spec, String pointer, String... message) {
    long before = jobRows();
    Http.Response response = http().post("/api/v1/jobs", spec);
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("pointer").asText()).isEqualTo(pointer);
    assertThat(error.get("message").asText()).contains(message);
    assertThat(jobRows()).as("nothing stored").isEqualTo(before);
  }

  /** Job {@code id}'s final checkpoint resource. */
  protected JsonNode finalCheckpoint(String id) {
    for (JsonNode c : http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")) {
      if (c.get("kind").asText().equals("final")) {
        return c;
      }
    }
    throw new AssertionError("no final checkpoint of " + id);
  }
}
