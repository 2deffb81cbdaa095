package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.Http;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;
import dev.descent.engine.training.NetworkSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fault tests check of a job that was interrupted: it ends SUCCEEDED, its loss history has exactly one point
 * per step 1..total, no checkpoint is stored twice, and its final parameters are bit-identical to an uninterrupted run
 * of the same spec in this JVM.
 */
final class JobChecks {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, byte[]> REFERENCES = new ConcurrentHashMap<>();

  private JobChecks() {}

  /** What the checks read from a service: JSON and raw content by path. */
  interface Reads {
    JsonNode get(String path);

    byte[] download(String path);
  }

  /** The reads of a test's service, through its {@link Http} client. */
  static Reads over(Supplier<Http> http) {
    return new Reads() {
      @Override
      public JsonNode get(String path) {
        return http.get().get(path).json();
      }

      @Override
      public byte[] download(String path) {
        return http.get().get(path).body();
      }
    };
  }

  /**
   * digits (1,437 training images), 256-128-10 MLP, Adam: {@code epochs} × 90 updates of about 5 ms, a periodic
   * checkpoint every 100 updates (the last 20 kept).
   */
  static String digitsSpec(int epochs) {
    try {
      ObjectNode spec = (ObjectNode) JSON.readTree(Files.readString(Path.of("../examples/digits-long.json")));
      spec.put("epochs", epochs);
      spec.put("maxAttempts", 5);
      spec.putObject("checkpoint").put("everyIterations", 100).put("keepLast", 20);
      return JSON.writeValueAsString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #digitsSpec} in two phases — Adam with batch 16 for {@code adamEpochs}, then SGD with momentum and batch
   * 64 — with early stopping on {@code val_loss} restoring the best epoch.
   */
  static String phasedDigitsSpec(int adamEpochs, int sgdEpochs) {
    ObjectNode spec = (ObjectNode) JSON.readTree(digitsSpec(1));
    spec.remove(List.of("epochs", "optimizer", "batchSize"));
    ArrayNode phases = spec.putArray("phases");
    phases.addObject().put("epochs", adamEpochs).put("batchSize", 16).putObject("optimizer")
        .put("type", "adam").put("lr", 0.0005);
    phases.addObject().put("epochs", sgdEpochs).put("batchSize", 64).putObject("optimizer")
        .put("type", "sgd").put("lr", 0.01).put("momentum", 0.9);
    spec.putObject("earlyStopping").put("patience", 3).put("restoreBest", true);
    return JSON.writeValueAsString(spec);
  }

  /**
   * {@link #digitsSpec} (256-128-10: two hidden layers) with greedy pretraining: two stages of
   * {@code epochsPerLayer} epochs (90 updates each), then {@code epochs} epochs; checkpoints every 100 updates of
   * each stage and of the training.
   */
  static String pretrainedDigitsSpec(int epochsPerLayer, int epochs) {
    ObjectNode spec = (ObjectNode) JSON.readTree(digitsSpec(epochs));
    spec.putObject("pretraining").put("type", "greedy_supervised").put("epochsPerLayer", epochsPerLayer);
    return JSON.writeValueAsString(spec);
  }

  /**
   * {@link #digitsSpec} with an easy-first curriculum: epoch e trains on the easiest part of the training examples by
   * the initial network's loss, from 30 % growing to all of them by epoch {@code epochsToFull}.
   */
  static String curriculumDigitsSpec(int epochs, int epochsToFull) {
    ObjectNode spec = (ObjectNode) JSON.readTree(digitsSpec(epochs));
    spec.putObject("curriculum").put("type", "easy_first").put("startFraction", 0.3).put("epochsToFull", epochsToFull);
    return JSON.writeValueAsString(spec);
  }

  static String submit(ServiceProcess service, String spec) {
    return service.post("/api/v1/jobs", spec).get("id").asText();
  }

  static JsonNode job(Reads service, String id) {
    return service.get("/api/v1/jobs/" + id);
  }

  /** Waits until the job has made at least {@code fraction} of its updates (failing if it ends first). */
  static void awaitProgress(Reads service, String id, double fraction) {
    await("job " + id + " at " + fraction).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          JsonNode job = job(service, id);
          assertThat(job.get("status").asText()).isIn("QUEUED", "RUNNING");
          return job.get("progress").get("fraction").asDouble() >= fraction;
        });
  }

  static JsonNode awaitStatus(Reads service, String id, Duration timeout, String... statuses) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await("job " + id + " " + List.of(statuses)).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .until(() -> {
          last.set(job(service, id));
          return List.of(statuses).contains(last.get().get("status").asText());
        });
    return last.get();
  }

  /** SUCCEEDED, full history, no duplicate checkpoint, parameters equal to an uninterrupted run's. */
  static void assertFinishedAsIfUninterrupted(Reads service, String id, String spec) {
    JsonNode job = awaitStatus(service, id, Duration.ofMinutes(4), "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertLossOncePerStep(service, job);
    Set<String> seen = new HashSet<>();
    JsonNode last = null;
    for (JsonNode c : service.get("/api/v1/jobs/" + id + "/checkpoints").get("items")) {
      assertThat(seen.add(c.get("kind").asText() + "@" + c.get("step").asLong())).as("unique " + c).isTrue();
      last = c.get("kind").asText().equals("final") ? c : last;
    }
    assertThat(last).as("the final checkpoint").isNotNull();
    byte[] finalContent =
        service.download("/api/v1/jobs/" + id + "/checkpoints/" + last.get("id").asText() + "/content");
    assertThat(NetworkSnapshots.read(finalContent).params())
        .isEqualTo(NetworkSnapshots.read(reference(spec)).params());
  }

  /**
   * The job's loss history ({@code pretrain_loss} then {@code loss} with greedy pretraining) has exactly one point per
   * step 1..totalIterations: no gap, no duplicate.
   */
  static void assertLossOncePerStep(Reads service, JsonNode job) {
    String id = job.get("id").asText();
    long total = job.get("progress").get("iteration").asLong(); // fewer than totalIterations after an early stop
    List<Long> steps = new ArrayList<>();
    for (JsonNode series : service.get("/api/v1/jobs/" + id + "/metrics?names=pretrain_loss,loss&maxPoints=100000")
        .get("series")) {
      series.get("points").forEach(p -> steps.add(p.get("step").asLong()));
    }
    Collections.sort(steps);
    assertThat(steps.size()).as("loss points of " + id).isEqualTo((int) total);
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i)).as("step of loss point " + i + " of " + id).isEqualTo(i + 1L);
    }
  }

  /** The events of the job's timeline, as "FROM->TO: reason". */
  static List<String> timeline(Reads service, String id) {
    return StreamSupport.stream(job(service, id).get("timeline").spliterator(), false)
        .map(e -> e.get("from").asText() + "->" + e.get("to").asText() + ": " + e.get("reason").asText())
        .toList();
  }

  /** The final checkpoint of an uninterrupted in-process run of {@code spec} (computed once per spec). */
  static byte[] reference(String spec) {
    return REFERENCES.computeIfAbsent(spec, s -> {
      AtomicReference<byte[]> last = new AtomicReference<>();
      CheckpointSink keepFinal = c -> {
        if (c.kind().equals("final")) {
          last.set(c.content());
        }
      };
      new TrainingEngine().run(SpecParser.parse(s, EngineLimits.DEFAULTS),
          new TrainingContext(MetricSink.NONE, keepFinal, ProgressSink.NONE, CancellationToken.NEVER, null));
      return last.get();
    });
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
