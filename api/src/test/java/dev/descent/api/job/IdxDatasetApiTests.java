package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job on an IDX folder of the data folder (the tests' data folder is {@code ../shared/datasets}, which holds
 * {@code fashion-mnist/}) trains to the end; a folder the parser cannot use is a problem naming {@code /dataset/folder}
 * and stores nothing.
 */
class IdxDatasetApiTests extends ApiTestBase {
  private static final String SPEC = "{\"name\":\"idx-cnn\",\"seed\":3,"
      + "\"dataset\":{\"name\":\"idx\",\"folder\":\"%s\",\"trainSubset\":200,\"testSubset\":100},"
      + "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":5,\"stride\":2},"
      + "{\"type\":\"maxpool2d\",\"kernel\":2},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2,\"batchSize\":20}";

  @Test
  void aSmallCnnOnTheFashionMnistIdxFolderSucceeds() {
    Http.Response created = http().post("/api/v1/jobs", SPEC.formatted("fashion-mnist"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode dataset = created.json().get("spec").get("dataset");
    assertThat(dataset.get("folder").asText()).isEqualTo("fashion-mnist");
    assertThat(dataset.get("classes").asInt()).isEqualTo(10);

    JsonNode job = awaitFinished(created.json().get("id").asText());
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    JsonNode accuracy = http().get("/api/v1/jobs/" + job.get("id").asText()
        + "/metrics?names=val_accuracy").json().get("series").get(0).get("points");
    assertThat(accuracy).hasSize(2);
    assertThat(accuracy.get(1).get("value").asDouble()).as("better than chance (0.1)").isGreaterThan(0.3);
  }

  @Test
  void aFolderOutsideTheDataFolderOrWithoutIdxFilesIsRefusedAndNothingIsStored() {
    for (String folder : List.of("../datasets/fashion-mnist/../../..", "/etc", "no-such-folder", ".")) {
      long before = jobRows();
      Http.Response refused = http().post("/api/v1/jobs", SPEC.formatted(folder));
      assertThat(refused.status()).as(folder).isEqualTo(422);
      assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/dataset/folder");
      assertThat(refused.text()).doesNotContain("/work/", "shared");
      assertThat(jobRows()).isEqualTo(before);
    }
  }

  private JsonNode awaitFinished(String id) {
    Instant deadline = Instant.now().plusSeconds(120);
    JsonNode job = null;
    while (Instant.now().isBefore(deadline)) {
      job = http().get("/api/v1/jobs/" + id).json();
      if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asText())) {
        return job;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("job " + id + " did not finish: " + job);
  }
}
