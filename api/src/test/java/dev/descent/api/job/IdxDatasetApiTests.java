package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.ExternalCommand;
import dev.descent.api.support.Http;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.data.files.FashionMnistFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user's IDX folder, uploaded file by file through the API (the first images of the real Fashion-MNIST files), is a
 * dataset a job trains on to the end; a folder the parser cannot use is a problem naming {@code /dataset/folder} and
 * stores nothing.
 */
class IdxDatasetApiTests extends ApiTestBase {
  @BeforeAll
  static void fashionMnist() throws Exception {
    var result = ExternalCommand.run(List.of("bash", ".ci/install-fashion-mnist.sh"), Map.of(),
        Path.of("target", "install-fashion-mnist.log"), Duration.ofMinutes(10));
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  private static final String SPEC = "{\"name\":\"idx-cnn\",\"seed\":3,"
      + "\"dataset\":{\"name\":\"idx\",\"folder\":\"%s\",\"trainSubset\":200,\"testSubset\":100},"
      + "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":5,\"stride\":2},"
      + "{\"type\":\"maxpool2d\",\"kernel\":2},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":2,\"batchSize\":20}";

  private static final int TRAIN = 300;
  private static final int TEST = 100;

  @Test
  void aSmallCnnOnAnUploadedIdxFolderSucceeds() throws IOException {
    String folder = "fashion-" + UUID.randomUUID().toString().substring(0, 8);
    upload(folder, "train-images-idx3-ubyte", 16, 28 * 28, TRAIN);
    upload(folder, "train-labels-idx1-ubyte", 8, 1, TRAIN);
    upload(folder, "t10k-images-idx3-ubyte", 16, 28 * 28, TEST);
    upload(folder, "t10k-labels-idx1-ubyte", 8, 1, TEST);

    Http.Response created = http().post("/api/v1/jobs", SPEC.formatted(folder));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode dataset = created.json().get("spec").get("dataset");
    assertThat(dataset.get("folder").asText()).isEqualTo(folder);
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

  /** Uploads the first {@code count} items of the real Fashion-MNIST file {@code name} as {@code folder/name}. */
  private void upload(String folder, String name, int headerBytes, int itemBytes, int count) throws IOException {
    Path source = FashionMnistFolder.location(DataFolder.fromEnvironment()).resolve(name + ".gz");
    byte[] subset = new byte[headerBytes + itemBytes * count];
    try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
      assertThat(in.readNBytes(subset, 0, subset.length)).isEqualTo(subset.length);
    }
    ByteBuffer.wrap(subset).putInt(4, count);
    Http.Response stored = http().put("/api/v1/datasets/files/" + folder + "/" + name, subset);
    assertThat(stored.status()).as(stored.text()).isEqualTo(201);
  }

}
