package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code DELETE /api/v1/jobs/{id}}: a finished job goes with every row and large object stored of it. */
class JobDeletionApiTests extends ApiTestBase {
  private static String spec(int epochs, String extra) {
    return Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": " + epochs)
        .replace("\"checkpoint\": {\"everyEpochs\": 0, \"keepLast\": 3}",
            "\"checkpoint\": {\"everyEpochs\": 5, \"keepLast\": 10}" + extra);
  }

  private long largeObjects() {
    return jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class);
  }

  /** Every table with a job_id column (so that a table added later is covered too) → its rows of {@code id}. */
  private long rowsNaming(String id) {
    List<String> tables = jdbc.queryForList("select table_name from information_schema.columns"
        + " where table_schema = current_schema() and column_name = 'job_id'", String.class);
    assertThat(tables).contains("job_event", "metric_point", "metric_rollup", "checkpoint");
    long rows = jdbc.queryForObject("select count(*) from job where id = ?::uuid", Long.class, id);
    for (String table : tables) {
      rows += jdbc.queryForObject("select count(*) from " + table + " where job_id = ?::uuid", Long.class, id);
    }
    return rows;
  }

  @Test
  void aFinishedJobIsDeletedWithItsTimelineMetricsCheckpointsAndLargeObjects() {
    String id = http().post("/api/v1/jobs", spec(20, "")).json().get("id").asText();
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("SUCCEEDED");
    List<Long> oids = jdbc.queryForList("select content_oid from checkpoint where job_id = ?::uuid", Long.class, id);
    assertThat(oids).hasSizeGreaterThanOrEqualTo(4).doesNotContainNull();
    assertThat(rowsNaming(id)).isGreaterThan(100);
    long before = largeObjects();

    Http.Response deleted = http().delete("/api/v1/jobs/" + id);

    assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    assertThat(largeObjects()).isEqualTo(before - oids.size());
    for (long oid : oids) {
      assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata where oid = ?::oid", Long.class,
          oid)).isZero();
    }
    assertThat(rowsNaming(id)).isZero();
    assertThat(http().get("/api/v1/jobs/" + id).status()).isEqualTo(404);
    assertThat(http().delete("/api/v1/jobs/" + id).status()).isEqualTo(404);
  }

  @Test
  void aJobThatHasNotFinishedIsA409ThatSaysToCancelItFirst() {
    String id = http().post("/api/v1/jobs", spec(5000, "")).json().get("id").asText();
    Http.Response refused = http().delete("/api/v1/jobs/" + id);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asText()).contains("cancel it first");
    assertThat(rowsNaming(id)).isPositive();

    http().post("/api/v1/jobs/" + id + "/cancel", "");
    awaitStatus(id, Duration.ofSeconds(60), "CANCELLED");
    assertThat(http().delete("/api/v1/jobs/" + id).status()).isEqualTo(204);
    assertThat(rowsNaming(id)).isZero();
  }

  @Test
  void aMissingJobIs404AndAStudysTrialIs409() {
    assertThat(http().delete("/api/v1/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);

    String base = "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2},"
        + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"},{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2,\"batchSize\":16}";
    Http.Response study = http().post("/api/v1/studies", "{\"name\":\"deletion\",\"base\":" + base
        + ",\"arms\":[{\"name\":\"a\",\"set\":{\"/optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}}],"
        + "\"seeds\":[1],\"maxConcurrent\":1,\"objective\":{\"metric\":\"val_loss\"}}");
    assertThat(study.status()).as(study.text()).isEqualTo(201);
    String trial = study.json().get("trials").get(0).get("jobId").asText();
    http().post("/api/v1/studies/" + study.json().get("id").asText() + "/cancel", "");
    awaitFinished(trial);

    Http.Response refused = http().delete("/api/v1/jobs/" + trial);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asText()).contains("study");
    assertThat(rowsNaming(trial)).isPositive();
  }

  @Test
  void aWarmStartSourceCanBeDeletedAndItsDependentKeepsItsOrigin() {
    String source = http().post("/api/v1/jobs", spec(5, "")).json().get("id").asText();
    assertThat(awaitFinished(source).get("status").asText()).isEqualTo("SUCCEEDED");
    String warm = spec(5, ", \"init\": {\"fromJob\": \"" + source + "\", \"checkpoint\": \"final\"}");
    Http.Response dependent = http().post("/api/v1/jobs", warm);
    assertThat(dependent.status()).as(dependent.text()).isEqualTo(201);
    String id = dependent.json().get("id").asText();
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("SUCCEEDED");

    assertThat(http().delete("/api/v1/jobs/" + source).status()).isEqualTo(204);

    JsonNode kept = http().get("/api/v1/jobs/" + id).json();
    assertThat(kept.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(kept.get("spec").get("init").get("fromJob").asText()).isEqualTo(source);
  }
}
