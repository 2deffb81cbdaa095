package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;
import dev.descent.engine.training.NetworkSnapshots;
import dev.descent.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No training is lost when the service dies: the real service runs as a separate process, is killed with SIGKILL
 * mid-epoch, and a second process requeues the job (stale heartbeat), resumes it from its last checkpoint and
 * finishes it — with the same final parameters as an uninterrupted run and a metric history without gaps or
 * duplicates.
 */
class CrashResumeTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final List<ServiceProcess> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(ServiceProcess::kill);
  }

  @Test
  void aJobSurvivesKillDashNineAndEndsAsIfUninterrupted() throws Exception {
    String spec = java.nio.file.Files.readString(Path.of("../examples/digits-long.json"));
    String database = freshDatabase();

    ServiceProcess first = start(database);
    String id = first.post("/api/v1/jobs", spec).get("id").asText();
    awaitEpoch(first, id, 7);
    first.kill();

    ServiceProcess second = start(database);
    JsonNode job = await(second, id, Duration.ofMinutes(8));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("attempt").asInt()).isEqualTo(2);

    long total = job.get("progress").get("totalIterations").asLong();
    JsonNode loss = second.get("/api/v1/jobs/" + id + "/metrics?names=loss&maxPoints=100000")
        .get("series").get(0).get("points");
    assertThat(loss.size()).isEqualTo((int) total);
    for (int i = 0; i < loss.size(); i++) {
      assertThat(loss.get(i).get("step").asLong()).isEqualTo(i + 1L);
    }

    JsonNode last = null;
    for (JsonNode c : second.get("/api/v1/jobs/" + id + "/checkpoints").get("items")) {
      last = c.get("kind").asText().equals("final") ? c : last;
    }
    assertThat(last).as("the final checkpoint").isNotNull();
    byte[] resumed = second.download("/api/v1/jobs/" + id + "/checkpoints/" + last.get("id").asText() + "/content");
    assertThat(NetworkSnapshots.read(resumed).params())
        .isEqualTo(NetworkSnapshots.read(uninterrupted(spec)).params());
  }

  private ServiceProcess start(String database) throws IOException {
    ServiceProcess process = ServiceProcess.start(database, freePort(), PostgresTestDatabase.get());
    processes.add(process);
    process.awaitHealthy(Duration.ofMinutes(4));
    return process;
  }

  private static byte[] uninterrupted(String spec) {
    AtomicReference<byte[]> last = new AtomicReference<>();
    CheckpointSink keepFinal = c -> {
      if (c.kind().equals("final")) {
        last.set(c.content());
      }
    };
    new TrainingEngine().run(SpecParser.parse(spec, EngineLimits.DEFAULTS),
        new TrainingContext(MetricSink.NONE, keepFinal, ProgressSink.NONE, CancellationToken.NEVER, null));
    return last.get();
  }

  private static void awaitEpoch(ServiceProcess service, String id, int epoch) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonNode job = service.get("/api/v1/jobs/" + id);
      assertThat(job.get("status").asText()).isIn("QUEUED", "RUNNING");
      if (job.get("progress").get("epoch").asInt() >= epoch) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " never reached epoch " + epoch);
  }

  private static JsonNode await(ServiceProcess service, String id, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode job = null;
    while (Instant.now().isBefore(deadline)) {
      job = service.get("/api/v1/jobs/" + id);
      if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asText())) {
        return job;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job " + id + " did not finish: " + job);
  }

  private static String freshDatabase() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.get();
    String name = "crash_" + UUID.randomUUID().toString().replace("-", "");
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
