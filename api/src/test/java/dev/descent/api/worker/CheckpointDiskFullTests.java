package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.engine.training.NetworkSnapshots;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real full disk under a checkpoint write: the job's database lives in a tablespace on a 64 MB tmpfs (its large
 * objects included; PostgreSQL's WAL stays on the big disk), and once the job's first checkpoint is stored the tmpfs
 * is filled up to {@value #LEFT_BYTES} bytes, less than the next ~7 MB checkpoint. The job fails with the reason, the
 * first checkpoint stays listed, downloadable and intact, and the service stays healthy and trains the next job once
 * space is freed. Mounting a tmpfs needs root, as the build machines run; elsewhere this test fails, it never skips.
 */
class CheckpointDiskFullTests {
  static final long LEFT_BYTES = 2L << 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Path mount;
  private boolean mounted;
  private final OwnPostgresService own = new OwnPostgresService();

  @AfterEach
  void cleanUp() throws Exception {
    own.close();
    if (mounted) {
      exec("umount", mount.toString());
    }
    if (mount != null) {
      FileSystemUtils.deleteRecursively(mount.toFile());
    }
  }

  @Test
  void aCheckpointThatDoesNotFitFailsTheJobAndKeepsThePreviousOne() throws Exception {
    mount = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "disk-full-");
    assertThat(exec("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString()))
        .as("mount -t tmpfs (needs root): a real full disk needs a small file system").isZero();
    mounted = true;
    Path tablespace = Files.createDirectories(mount.resolve("tablespace"));
    EmbeddedPostgres postgres = own.startPostgres(EmbeddedPostgres.builder());
    try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE TABLESPACE small LOCATION '" + tablespace + "'");
      s.execute("CREATE DATABASE descent TABLESPACE small");
    }
    ServiceProcess service = own.startService("descent");

    String id = JobChecks.submit(service, bigCheckpointsSpec());
    JsonNode first = await("the first checkpoint").atMost(Duration.ofMinutes(3))
        .until(() -> firstCheckpoint(service, id), c -> c != null);
    fillUpLeaving(mount.resolve("filler"), LEFT_BYTES);

    JsonNode job = JobChecks.awaitStatus(service, id, Duration.ofMinutes(3), "FAILED", "SUCCEEDED", "CANCELLED");
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
    // The reason reaches the job: the failed write's space is given back (VACUUM), and the job's last report and its
    // finish wait out a full disk instead of leaving the job to the reaper.
    String message = job.get("failure").get("message").asText();
    assertThat(message).contains("checkpoint", "No space left on device");
    assertThat(service.log()).contains("No space left on device");
    assertThat(firstCheckpoint(service, id)).as("the first checkpoint, still listed").isEqualTo(first);
    byte[] content = service.download(
        "/api/v1/jobs/" + id + "/checkpoints/" + first.get("id").asText() + "/content");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
        .isEqualTo(first.get("sha256").asText());
    assertThat(NetworkSnapshots.read(content).params().length()).isPositive();
    assertThat(service.get("/actuator/health").get("status").asText()).isEqualTo("UP");

    Files.delete(mount.resolve("filler"));
    String next = JobChecks.submit(service, Files.readString(Path.of("../examples/iris-mlp.json")));
    assertThat(JobChecks.awaitStatus(service, next, Duration.ofMinutes(2), "SUCCEEDED", "FAILED", "CANCELLED")
        .get("status").asText()).isEqualTo("SUCCEEDED");
  }

  /** digits with a 1024-512 MLP: a checkpoint (parameters and Adam's two moments) of about 7 MB every 200 updates. */
  private static String bigCheckpointsSpec() throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(Files.readString(Path.of("../examples/digits-long.json")));
    ArrayNode layers = (ArrayNode) spec.get("model").get("layers");
    ((ObjectNode) layers.get(0)).put("units", 1024);
    ((ObjectNode) layers.get(1)).put("units", 512);
    spec.put("epochs", 10);
    spec.put("maxAttempts", 1);
    spec.putObject("checkpoint").put("everyIterations", 200).put("keepLast", 5);
    return JSON.writeValueAsString(spec);
  }

  private static JsonNode firstCheckpoint(ServiceProcess service, String id) {
    for (JsonNode c : service.get("/api/v1/jobs/" + id + "/checkpoints").get("items")) {
      if (c.get("kind").asText().equals("periodic") && c.get("step").asLong() == 200) {
        return c;
      }
    }
    return null;
  }

  /** Writes {@code file} until the file system is full, then gives back {@code left} bytes. */
  private static void fillUpLeaving(Path file, long left) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
      try {
        while (true) {
          chunk.clear();
          channel.write(chunk);
        }
      } catch (IOException full) {
        channel.truncate(Math.max(0, channel.size() - left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int exec(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return process.exitValue();
  }
}
