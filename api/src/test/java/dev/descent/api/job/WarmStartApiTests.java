package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.Http;
import dev.descent.engine.training.NetworkSnapshots;
import java.time.Duration;
import java.util.UUID;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code init}: a job warm-started from a trained iris job's final checkpoint, layer 0 copied and frozen, succeeds
 * with that layer's parameters bit for bit the source's, stores the resolved checkpoint id and says where it came from;
 * a missing source job, a bad checkpoint and mismatched shapes are problems at their fields, nothing stored; study
 * trials resolve theirs too.
 */
class WarmStartApiTests extends SourceJobApiTestBase {
  private static final String SOURCE = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 5");

  @Test
  void aWarmStartedJobKeepsItsFrozenLayerBitForBit() {
    String source = http().post("/api/v1/jobs", SOURCE).json().get("id").asText();
    assertThat(awaitStatus(source, Duration.ofSeconds(120), "SUCCEEDED", "FAILED").get("status").asText())
        .isEqualTo("SUCCEEDED");
    JsonNode sourceFinal = finalCheckpoint(source);

    String id = http().post("/api/v1/jobs", warm(source, "final", "[0]", 16)).json().get("id").asText();
    JsonNode job = awaitStatus(id, Duration.ofSeconds(120), "SUCCEEDED", "FAILED");

    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.get("spec").get("init").get("checkpoint").asText()).isEqualTo(sourceFinal.get("id").asText());
    assertThat(job.get("timeline").toString())
        .contains("initialised from job " + source + " checkpoint " + sourceFinal.get("id").asText());
    MultiLayerNetwork from = network(source, sourceFinal.get("id").asText());
    MultiLayerNetwork trained = network(id, finalCheckpoint(id).get("id").asText());
    assertThat(trained.getLayer(0).params().toFloatVector()).isEqualTo(from.getLayer(0).params().toFloatVector());
    assertThat(trained.getLayer(1).params().toFloatVector()).isNotEqualTo(from.getLayer(1).params().toFloatVector());

    refused(warm(source, "final", "[0]", 8), "/init/layers/0", "[4, 8]", "[4, 16]");
    refused(warm(source, UUID.randomUUID().toString(), "[0]", 16), "/init/checkpoint", "has no checkpoint");
    refused(warm(source, "soon", "[0]", 16), "/init/checkpoint", "must be final, best or a checkpoint id");
    study(source, sourceFinal.get("id").asText());
  }

  /** A study's trials resolve their warm start as a single job does; its problems are under /base. */
  private void study(String source, String checkpointId) {
    Http.Response created = http().post("/api/v1/studies", "{\"name\":\"warm\",\"base\":"
        + warm(source, "final", "[0]", 16) + ",\"seeds\":[1],\"maxConcurrent\":1}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String trial = created.json().get("trials").get(0).get("jobId").asText();
    assertThat(http().get("/api/v1/jobs/" + trial).json().get("spec").get("init").get("checkpoint").asText())
        .isEqualTo(checkpointId);
    assertThat(awaitStatus(trial, Duration.ofSeconds(120), "SUCCEEDED", "FAILED").get("status").asText())
        .isEqualTo("SUCCEEDED");

    Http.Response refused = http().post("/api/v1/studies", "{\"name\":\"warm\",\"base\":"
        + warm(UUID.randomUUID().toString(), "final", "[0]", 16) + ",\"seeds\":[1]}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/base/init/fromJob");
  }

  @Test
  void aPausedWarmStartResumesWithoutItsSource() {
    String source = http().post("/api/v1/jobs", SOURCE).json().get("id").asText();
    awaitStatus(source, Duration.ofSeconds(120), "SUCCEEDED", "FAILED");
    JsonNode sourceFinal = finalCheckpoint(source);
    float[] layer0 = network(source, sourceFinal.get("id").asText()).getLayer(0).params().toFloatVector();
    String id = http().post("/api/v1/jobs", warm(source, "final", "[0]", 16)
        .replace("\"epochs\": 5", "\"epochs\": 2000")).json().get("id").asText();
    awaitJob(id, Duration.ofMinutes(2), "make a tenth of its updates",
        job -> job.get("progress").get("fraction").asDouble() >= 0.1);

    assertThat(http().post("/api/v1/jobs/" + id + "/pause", "").status()).isEqualTo(200);
    assertThat(awaitStatus(id, Duration.ofSeconds(30), "PAUSED", "SUCCEEDED", "FAILED").get("status").asText())
        .isEqualTo("PAUSED");
    jdbc.update("DELETE FROM checkpoint WHERE job_id = ?", UUID.fromString(source));
    assertThat(http().post("/api/v1/jobs/" + id + "/unpause", "").status()).isEqualTo(200);
    JsonNode job = awaitStatus(id, Duration.ofMinutes(3), "SUCCEEDED", "FAILED");

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("timeline").toString().split("initialised from job", -1)).as("recorded once").hasSize(2);
    assertThat(network(id, finalCheckpoint(id).get("id").asText()).getLayer(0).params().toFloatVector())
        .isEqualTo(layer0);
  }

  @Test
  void aMissingSourceJobIsAProblemAtFromJob() {
    refused(warm(UUID.randomUUID().toString(), "final", "[0]", 16), "/init/fromJob", "does not exist");
    refused(warm("nope", "final", "[0]", 16), "/init/fromJob", "must be a job id");
  }

  /** The iris job with its first layer {@code units} wide, layer 0 taken from the source and frozen. */
  private static String warm(String source, String checkpoint, String layers, int units) {
    return SOURCE.replaceFirst("\"units\": 16", "\"units\": " + units).replace("\"seed\": 42", "\"seed\": 7")
        .replace("\"maxAttempts\": 3", "\"maxAttempts\": 3, \"init\": {\"fromJob\": \"" + source
            + "\", \"checkpoint\": \"" + checkpoint + "\", \"layers\": " + layers + ", \"freeze\": [0]}");
  }

  private MultiLayerNetwork network(String id, String checkpointId) {
    return NetworkSnapshots.read(
        http().get("/api/v1/jobs/" + id + "/checkpoints/" + checkpointId + "/content").body());
  }
}
