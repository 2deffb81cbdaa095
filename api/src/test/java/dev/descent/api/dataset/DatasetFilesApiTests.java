package dev.descent.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.WeightSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Files uploaded over HTTP land in the data folder, are listed with size and sha256, and an online job streams them:
 * the example LibSVM file runs to SUCCEEDED; names, sizes and overwrites are policed with problems.
 */
class DatasetFilesApiTests extends ApiTestBase {
  private static final Path CLICKS = Path.of(System.getProperty("descent.examples.dir", "../examples"), "data",
      "clicks.svm");
  private static final int CLICKS_ROWS = 1000;

  private static String unique(String name) {
    return UUID.randomUUID().toString().substring(0, 8) + "-" + name;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void anUploadedLibSvmFileIsListedAndAnOnlineJobOnItSucceeds() throws Exception {
    byte[] content = Files.readAllBytes(CLICKS);
    String name = unique("clicks.svm");
    Http.Response created = http().put("/api/v1/datasets/files/" + name, content);
    Http.Response again = http().put("/api/v1/datasets/files/" + name, content);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.location()).isEqualTo("/api/v1/datasets/files/" + name);
    assertThat(created.json().get("sha256").asText()).isEqualTo(sha256(content));
    assertThat(created.json().get("size").asLong()).isEqualTo(content.length);
    assertThat(again.status()).as("same content again: kept").isEqualTo(200);
    assertThat(Files.readAllBytes(dataFolder().resolve(name))).isEqualTo(content);
    JsonNode listed = listed(name);
    assertThat(listed.get("sha256").asText()).isEqualTo(sha256(content));

    String spec = Http.example("online-libsvm").replace("\"clicks.svm\"", "\"" + name + "\"");
    Http.Response submitted = http().post("/api/v1/jobs", spec);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String id = submitted.json().get("id").asText();
    JsonNode job = awaitFinished(id);

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("progress").get("totalIterations").asLong()).isEqualTo(CLICKS_ROWS);
    JsonNode average = http().get("/api/v1/jobs/" + id + "/metrics?names=progressive_loss_avg&maxPoints=100000")
        .json().get("series").get(0).get("points");
    assertThat(average).hasSize(CLICKS_ROWS / 50);
    assertThat(average.get(average.size() - 1).get("value").asDouble()).isLessThan(Math.log(2));
    JsonNode last = http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items").get(0);
    WeightSnapshot snapshot = OnlineSnapshots.decode(
        http().get("/api/v1/jobs/" + id + "/checkpoints/" + last.get("id").asText() + "/content").body());
    assertThat(snapshot.step()).isEqualTo(CLICKS_ROWS);
    assertThat(snapshot.weights()).as("largest index of clicks.svm").hasSize(200);
  }

  @Test
  void differentContentConflictsUnlessOverwriteIsAsked() throws Exception {
    String name = unique("rows.csv");
    byte[] first = "1,0.5,2\n0,1,0\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "1,1,1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(http().put("/api/v1/datasets/files/" + name, first).status()).isEqualTo(201);

    Http.Response conflict = http().put("/api/v1/datasets/files/" + name, second);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.contentType()).startsWith("application/problem+json");
    assertThat(conflict.json().get("detail").asText()).contains("overwrite=true");
    assertThat(Files.readAllBytes(dataFolder().resolve(name))).isEqualTo(first);

    Http.Response replaced = http().put("/api/v1/datasets/files/" + name + "?overwrite=true", second);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("sha256").asText()).isEqualTo(sha256(second));
    assertThat(Files.readAllBytes(dataFolder().resolve(name))).isEqualTo(second);
  }

  @Test
  void aFileGoesIntoOneLevelOfSubFolderAsAnIdxDatasetNeedsEvenWithoutAContentType() throws Exception {
    String folder = unique("mnist");
    byte[] content = {0, 0, 8, 1, 0, 0, 0, 0};
    Http.Response created =
        http().putUntyped("/api/v1/datasets/files/" + folder + "/t10k-labels-idx1-ubyte", content);

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo(folder + "/t10k-labels-idx1-ubyte");
    assertThat(Files.readAllBytes(dataFolder().resolve(folder).resolve("t10k-labels-idx1-ubyte")))
        .isEqualTo(content);
    assertThat(listed(folder + "/t10k-labels-idx1-ubyte").get("size").asLong()).isEqualTo(8);
  }

  @Test
  void aDeletedFileIsGoneFromTheFolderAndTheListingAndItsEmptyFolderWithIt() throws Exception {
    String folder = unique("gone");
    String top = unique("gone.svm");
    assertThat(http().put("/api/v1/datasets/files/" + folder + "/a.svm", new byte[] {1}).status()).isEqualTo(201);
    assertThat(http().put("/api/v1/datasets/files/" + folder + "/b.svm", new byte[] {2}).status()).isEqualTo(201);
    assertThat(http().put("/api/v1/datasets/files/" + top, new byte[] {3}).status()).isEqualTo(201);

    assertThat(http().delete("/api/v1/datasets/files/" + folder + "/a.svm").status()).isEqualTo(204);
    assertThat(Files.isDirectory(dataFolder().resolve(folder))).as("b.svm is still there").isTrue();
    assertThat(http().delete("/api/v1/datasets/files/" + folder + "/b.svm").status()).isEqualTo(204);
    assertThat(http().delete("/api/v1/datasets/files/" + top).status()).isEqualTo(204);

    assertThat(Files.exists(dataFolder().resolve(folder))).as("the emptied folder").isFalse();
    assertThat(Files.exists(dataFolder().resolve(top))).isFalse();
    JsonNode items = http().get("/api/v1/datasets/files").json().get("items");
    assertThat(items).noneMatch(i -> i.get("name").asText().startsWith(folder) || i.get("name").asText().equals(top));
    Http.Response again = http().delete("/api/v1/datasets/files/" + top);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    assertRefused(http().delete("/api/v1/datasets/files/..x/a.svm"), "folder", "must not start with '.'");
  }

  @Test
  void unsafeNamesAreRefusedNamingTheOffendingPart() {
    byte[] body = {1};
    assertRefused(http().put("/api/v1/datasets/files/.hidden", body), "name", "must not start with '.'");
    assertRefused(http().put("/api/v1/datasets/files/a$b.svm", body), "name", "only letters, digits");
    assertRefused(http().put("/api/v1/datasets/files/..x/ok.svm", body), "folder", "must not start with '.'");
    assertRefused(http().put("/api/v1/datasets/files/" + "n".repeat(129), body), "name", "at most 128");
  }

  @Test
  void anUploadOverTheLimitIs413AndLeavesNothingBehind() throws IOException {
    String name = unique("big.svm");
    Http.Response declared = http().put("/api/v1/datasets/files/" + name, new byte[1024 * 1024 + 1]);
    Http.Response chunked = http().putChunked("/api/v1/datasets/files/" + name, new byte[1024 * 1024 + 1]);
    Http.Response atTheLimit = http().putChunked("/api/v1/datasets/files/" + unique("ok.svm"), new byte[1024 * 1024]);

    assertThat(declared.status()).as("Content-Length over the limit: refused before reading").isEqualTo(413);
    assertThat(chunked.status()).as("no Content-Length: refused while streaming").isEqualTo(413);
    assertThat(chunked.json().get("type").asText()).endsWith("/payload-too-large");
    assertThat(atTheLimit.status()).isEqualTo(201);
    assertThat(Files.exists(dataFolder().resolve(name))).isFalse();
    try (Stream<Path> files = Files.list(dataFolder())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
    }
  }

  @Test
  void aSpecNamingAMissingOrBrokenFileIsRefusedAndNothingIsStored() {
    long before = jobRows();
    String missing = Http.example("online-libsvm").replace("\"clicks.svm\"", "\"" + unique("none.svm") + "\"");
    String name = unique("broken.svm");
    http().put("/api/v1/datasets/files/" + name, "1 1:1\n0 2:x\n".getBytes(StandardCharsets.UTF_8));
    String broken = Http.example("online-libsvm").replace("\"clicks.svm\"", "\"" + name + "\"");
    String outside = Http.example("online-libsvm").replace("\"clicks.svm\"", "\"../../pom.xml\"");

    Http.Response a = http().post("/api/v1/jobs", missing);
    Http.Response b = http().post("/api/v1/jobs", broken);
    Http.Response c = http().post("/api/v1/jobs", outside);

    assertThat(List.of(a.status(), b.status(), c.status())).containsOnly(422);
    assertThat(a.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/stream/path");
    assertThat(a.json().get("errors").get(0).get("message").asText()).startsWith("no such file in the data folder");
    assertThat(b.json().get("errors").get(0).get("message").asText()).isEqualTo(
        name + " line 2: not a number: 'x'");
    assertThat(c.json().get("errors").get(0).get("message").asText()).contains("stays inside it");
    assertThat(jobRows()).isEqualTo(before);
  }

  @Test
  void aRowThatBreaksLaterFailsTheJobWithItsLineNumber() {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      file.append(i % 2).append(" 1:1 2:0.5\n");
    }
    file.append("1 3:oops\n");
    String name = unique("late.svm");
    http().put("/api/v1/datasets/files/" + name, file.toString().getBytes(StandardCharsets.UTF_8));
    String spec = Http.example("online-libsvm").replace("\"clicks.svm\"", "\"" + name + "\"")
        .replace("\"indexBase\": 1", "\"indexBase\": 1, \"features\": 4");

    Http.Response submitted = http().post("/api/v1/jobs", spec);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    JsonNode job = awaitFinished(submitted.json().get("id").asText());

    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("failure").get("message").asText()).contains(name + " line 61: not a number: 'oops'");
  }

  private JsonNode listed(String name) {
    JsonNode items = http().get("/api/v1/datasets/files").json().get("items");
    for (JsonNode item : items) {
      if (item.get("name").asText().equals(name)) {
        return item;
      }
    }
    throw new AssertionError(name + " is not listed in " + items);
  }

  private static void assertRefused(Http.Response response, String parameter, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(400);
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("pointer").asText()).isEqualTo(parameter);
    assertThat(error.get("message").asText()).contains(message);
  }

  /** The data folder the service was given (the tests name it with the system property). */
  private static Path dataFolder() {
    return DataFolder.fromEnvironment().location();
  }
}
