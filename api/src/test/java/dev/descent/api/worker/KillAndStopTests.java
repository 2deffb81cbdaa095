package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.assertFinishedAsIfUninterrupted;
import static dev.descent.api.worker.JobChecks.awaitProgress;
import static dev.descent.api.worker.JobChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service over its default embedded PostgreSQL, as a user runs it: real processes over one data folder. A
 * {@code kill -9} leaves the service's PostgreSQL running (re-parented to PID 1); the next start, with both cores kept
 * busy by two other processes, stops that leftover and comes up by itself, and the job resumes. A SIGTERM with two
 * SSE clients connected then drains the job (checkpoint at the next update, back to QUEUED) and exits within 30 s,
 * PostgreSQL with it; a third start finishes the job bit-identical to an uninterrupted run.
 */
class KillAndStopTests {
  private final List<ServiceProcess> services = new ArrayList<>();
  private final List<Process> burners = new ArrayList<>();
  private Path dataDir;

  @AfterEach
  void cleanUp() {
    burners.forEach(Process::destroyForcibly);
    Postmasters.cleanUp(services, dataDir);
  }

  @Test
  void killDashNineThenSigtermUnderLoadLoseNothing() throws Exception {
    dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kill-and-stop-");
    Path pgData = dataDir.resolve("postgres");
    int dbPort = freePort();
    String spec = JobChecks.digitsSpec(16);
    JobChecks.reference(spec);

    ServiceProcess first = start(pgData, dbPort);
    assertDurable(dbPort);
    String id = JobChecks.submit(first, spec);
    awaitProgress(first, id, 0.25);
    first.kill();
    long leftover = Postmasters.pid(pgData).orElseThrow();
    assertThat(Postmasters.isAlive(leftover)).as("the killed service's PostgreSQL outlives it").isTrue();

    keepBothCoresBusy();
    ServiceProcess second = start(pgData, dbPort);
    assertThat(Postmasters.isAlive(leftover)).as("the leftover PostgreSQL was stopped").isFalse();
    awaitProgress(second, id, 0.5);
    assertThat(JobChecks.job(second, id).get("attempt").asInt()).isEqualTo(2);

    AtomicLong events = new AtomicLong();
    List<CompletableFuture<Long>> streams = List.of(
        follow(second.base() + "/api/v1/events", events), follow(second.base() + "/api/v1/jobs/" + id + "/events",
            events));
    await().atMost(Duration.ofSeconds(20)).until(() -> events.get() >= 2);
    Duration exit = second.terminate(Duration.ofSeconds(60));
    assertThat(exit).as("exit after SIGTERM").isLessThan(Duration.ofSeconds(30));
    CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(Postmasters.pid(pgData)).as("PostgreSQL stopped with the service").isEmpty();
    burners.forEach(Process::destroyForcibly);

    ServiceProcess third = start(pgData, dbPort);
    assertFinishedAsIfUninterrupted(third, id, spec);
    assertThat(JobChecks.timeline(third, id)).as("timeline")
        .anyMatch(e -> e.startsWith("RUNNING->QUEUED: heartbeat lost"))
        .anyMatch(e -> e.startsWith("RUNNING->QUEUED: drained"))
        .noneMatch(e -> e.contains("FAILED"));
    String drained = step(second.log(), "Job " + id + " drained back to the queue at step (\\d+)");
    assertThat(step(third.log(), "Job " + id + " attempt 3 resumes from step (\\d+)")).as("resumed where drained")
        .isEqualTo(drained);
    assertThat(third.terminate(Duration.ofSeconds(30))).isLessThan(Duration.ofSeconds(30));
    assertThat(Postmasters.pid(pgData)).as("PostgreSQL stopped with the service").isEmpty();
  }

  private ServiceProcess start(Path pgData, int dbPort) throws IOException {
    ServiceProcess service = ServiceProcess.startEmbedded(pgData, freePort(), dbPort);
    services.add(service);
    service.awaitHealthy(Duration.ofMinutes(4));
    return service;
  }

  /** fsync, synchronous_commit and full_page_writes, asked of the service's own database. */
  private static void assertDurable(int dbPort) throws Exception {
    try (var c = Postmasters.connect(dbPort); var s = c.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
        try (var rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          assertThat(rs.getString(1)).as(setting).isEqualTo("on");
        }
      }
    }
  }

  private static String step(String log, String regex) {
    Matcher m = Pattern.compile(regex).matcher(log);
    assertThat(m.find()).as(regex + " in the service's log").isTrue();
    return m.group(1);
  }

  private void keepBothCoresBusy() throws IOException {
    for (int i = 0; i < 2; i++) {
      burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
    }
  }

  /** Reads an SSE stream until the server ends it; counts its events; completes with how many it saw. */
  private static CompletableFuture<Long> follow(String url, AtomicLong events) {
    return HttpClient.newHttpClient()
        .sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", TestKeys.bearer(TestKeys.ADMIN))
            .build(), HttpResponse.BodyHandlers.ofLines())
        .thenApplyAsync(response -> response.body().filter(line -> line.startsWith("event:"))
            .peek(line -> events.incrementAndGet()).count());
  }
}
