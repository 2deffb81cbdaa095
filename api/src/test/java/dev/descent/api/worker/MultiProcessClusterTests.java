package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.Http;
import dev.descent.api.support.Sse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cluster of real processes over one PostgreSQL (the test's own): one {@code api}-role instance and two
 * {@code worker}-role instances, whose regular queue poll is a minute, so that only the database's notifications wake
 * them. Idle workers claim jobs submitted to the api instance (the submit-to-claim latency is printed, not asserted);
 * then a long job and {@value #SMALL_JOBS} small ones all end SUCCEEDED exactly once, while the worker training the
 * long job is killed with SIGKILL mid-job and the other worker resumes it bit-identically; the api instance's event
 * stream of that job shows progress from both workers.
 */
class MultiProcessClusterTests {
  static final int SMALL_JOBS = 200;
  static final int LATENCY_ROUNDS = 12;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> WORKERS = Set.of("worker-a", "worker-b");
  private final OwnPostgresService own = new OwnPostgresService();

  @AfterEach
  void cleanUp() throws IOException {
    own.close();
  }

  @Test
  void anApiAndTwoWorkersRunEveryJobOnceAndResumeAKilledWorkersJob() throws Exception {
    own.startPostgres(EmbeddedPostgres.builder());
    String longSpec = JobChecks.digitsSpec(12);
    JobChecks.reference(longSpec);
    ServiceProcess api = own.launch("postgres", "--descent.roles=api"); // all three at once (Flyway locks)
    Map<String, ServiceProcess> workers = Map.of("worker-a", worker("worker-a"), "worker-b", worker("worker-b"));
    api.awaitHealthy(Duration.ofMinutes(4));
    for (ServiceProcess w : workers.values()) {
      w.awaitHealthy(Duration.ofMinutes(4));
    }

    printSubmitToClaim(api);

    String longId = JobChecks.submit(api, longSpec);
    CompletableFuture<List<Sse.Event>> stream = CompletableFuture.supplyAsync(() -> follow(api, longId));
    // the small jobs go in while the long one trains: however long the submits take, the kill lands mid-job
    ExecutorService submitter = Executors.newSingleThreadExecutor(); // not the common pool: the stream holds it
    CompletableFuture<List<String>> submits = CompletableFuture.supplyAsync(() -> {
      List<String> submitted = new ArrayList<>();
      for (int i = 0; i < SMALL_JOBS; i++) {
        submitted.add(JobChecks.submit(api, smallSpec(i)));
      }
      return submitted;
    }, submitter);
    JobChecks.awaitProgress(api, longId, 0.3);
    String first = lastClaimant(JobChecks.job(api, longId));
    workers.get(first).kill();
    List<String> ids = submits.get(3, TimeUnit.MINUTES);
    submitter.shutdown();

    JobChecks.assertFinishedAsIfUninterrupted(api, longId, longSpec);
    JsonNode longJob = JobChecks.job(api, longId);
    assertThat(longJob.get("attempt").asInt()).isEqualTo(2);
    assertThat(claimants(longJob)).containsExactlyInAnyOrderElementsOf(WORKERS);
    assertThat(JobChecks.timeline(api, longId)).anyMatch(e -> e.startsWith("RUNNING->QUEUED: heartbeat lost"));
    for (String id : ids) {
      assertRanOnce(api, JobChecks.awaitStatus(api, id, Duration.ofMinutes(3), "SUCCEEDED", "FAILED", "CANCELLED"));
    }
    assertThat(progressFrom(stream.get(1, TimeUnit.MINUTES))).as("progress events, by worker")
        .containsExactlyInAnyOrderElementsOf(WORKERS);
  }

  private ServiceProcess worker(String id) throws IOException {
    return own.launch("postgres", "--descent.roles=worker", "--descent.worker.id=" + id,
        "--descent.worker.slots=2", "--descent.workers.poll-interval=1m");
  }

  /** Jobs one at a time to idle workers: QUEUED event to claim, median and max, printed. */
  private static void printSubmitToClaim(ServiceProcess api) {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < LATENCY_ROUNDS; i++) {
      String id = JobChecks.submit(api, smallSpec(i));
      JsonNode job = JobChecks.awaitStatus(api, id, Duration.ofMinutes(2), "SUCCEEDED", "FAILED", "CANCELLED");
      assertRanOnce(api, job);
      JsonNode timeline = job.get("timeline");
      micros.add(Duration.between(Instant.parse(timeline.get(0).get("at").asText()),
          Instant.parse(timeline.get(1).get("at").asText())).toNanos() / 1000);
    }
    List<Long> sorted = micros.stream().sorted().toList();
    System.out.printf("RESULT submit_to_claim_ms %.1f%nRESULT submit_to_claim_max_ms %.1f%n(each, ms: %s)%n",
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0,
        micros.stream().map(m -> String.format("%.1f", m / 1000.0)).toList());
  }

  /** SUCCEEDED once, one claim per attempt each naming a worker, a loss history without gaps or duplicates. */
  private static void assertRanOnce(ServiceProcess api, JsonNode job) {
    String id = job.get("id").asText();
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    List<String> timeline = JobChecks.timeline(api, id);
    assertThat(timeline).as("timeline of " + id).filteredOn(e -> e.startsWith("QUEUED->RUNNING"))
        .hasSize(job.get("attempt").asInt())
        .allMatch(e -> e.matches("QUEUED->RUNNING: claimed by worker-[ab]"));
    assertThat(timeline).as("timeline of " + id).filteredOn(e -> e.contains("->SUCCEEDED")).hasSize(1);
    JobChecks.assertLossOncePerStep(api, job);
  }

  /** iris, {@code 2 + i % 3} epochs (16–32 updates). */
  private static String smallSpec(int i) {
    return Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": " + (2 + i % 3))
        .replace("\"name\": \"iris-mlp\"", "\"name\": \"small-" + i + "\"");
  }

  private static List<Sse.Event> follow(ServiceProcess api, String id) {
    try {
      return Sse.read(URI.create(api.base() + "/api/v1/jobs/" + id + "/events"), null, Integer.MAX_VALUE);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The workers that the stream's RUNNING job events with progress came from (the claimant of their attempt). */
  private static Set<String> progressFrom(List<Sse.Event> events) {
    Set<String> workers = new TreeSet<>();
    for (Sse.Event event : events) {
      if (event.name().equals("job")) {
        JsonNode job = JSON.readTree(event.data());
        if (job.get("status").asText().equals("RUNNING") && job.get("progress").get("iteration").asLong() > 0) {
          workers.add(lastClaimant(job));
        }
      }
    }
    return workers;
  }

  private static String lastClaimant(JsonNode job) {
    List<String> all = claimantsInOrder(job);
    return all.get(all.size() - 1);
  }

  private static Set<String> claimants(JsonNode job) {
    return new TreeSet<>(claimantsInOrder(job));
  }

  private static List<String> claimantsInOrder(JsonNode job) {
    return StreamSupport.stream(job.get("timeline").spliterator(), false)
        .filter(e -> e.get("to").asText().equals("RUNNING") && e.get("reason").asText().startsWith("claimed by "))
        .map(e -> e.get("reason").asText().substring("claimed by ".length()))
        .toList();
  }
}
