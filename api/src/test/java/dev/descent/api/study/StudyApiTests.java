package dev.descent.api.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Studies through the API and the real workers: the identical start of every arm for a seed, the bound on running
 * trials, the summary against a recomputation, cancel, and bad bodies.
 */
class StudyApiTests extends ApiTestBase {
  static final String BASE = "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":%d,\"batchSize\":16}";
  static final String ARMS = "[{\"name\":\"adam\",\"set\":{\"/optimizer\":{\"type\":\"adam\",\"lr\":0.01}}},"
      + "{\"name\":\"sgd\",\"set\":{\"/optimizer\":{\"type\":\"sgd\",\"lr\":0.1,\"momentum\":0.9}}},"
      + "{\"name\":\"rmsprop\",\"set\":{\"/optimizer\":{\"type\":\"rmsprop\",\"lr\":0.01}}}]";

  @Test
  void armsStartIdenticallyPerSeedRunOneAtATimeAndTheSummaryMatchesTheirSeries() {
    Http.Response created = http().post("/api/v1/studies", "{\"name\":\"optimizers\",\"base\":" + BASE.formatted(4)
        + ",\"arms\":" + ARMS + ",\"seeds\":[1,2],\"maxConcurrent\":1,"
        + "\"objective\":{\"metric\":\"val_loss\",\"threshold\":0.9}}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.location()).endsWith("/api/v1/studies/" + id);
    assertThat(created.json().get("trials")).hasSize(6);
    JsonNode study = awaitStudy(id, "SUCCEEDED");
    assertThat(study.get("counts").get("SUCCEEDED").asInt()).isEqualTo(6);
    assertThat(study.get("finishedAt").isNull()).isFalse();

    Map<String, Map<Long, JsonNode>> jobs = new HashMap<>();
    for (JsonNode trial : study.get("trials")) {
      JsonNode job = http().get("/api/v1/jobs/" + trial.get("jobId").asText()).json();
      assertThat(job.get("studyId").asText()).isEqualTo(id);
      assertThat(job.get("spec").get("seed").asLong()).isEqualTo(trial.get("seed").asLong());
      jobs.computeIfAbsent(trial.get("arm").asText(), k -> new HashMap<>()).put(trial.get("seed").asLong(), job);
    }
    checkIdenticalStart(jobs);
    checkOneAtATime(jobs);
    checkSummary(study, jobs);
    JsonNode listed = http().get("/api/v1/jobs?study=" + id + "&size=50").json();
    assertThat(listed.get("totalElements").asInt()).isEqualTo(6);
    assertThat(http().get("/api/v1/studies?size=200").json().get("items").findValuesAsString("id")).contains(id);
  }

  private void checkIdenticalStart(Map<String, Map<Long, JsonNode>> jobs) {
    Map<Long, Double> firstLoss = new HashMap<>();
    for (String arm : List.of("adam", "sgd", "rmsprop")) {
      for (long seed : List.of(1L, 2L)) {
        double loss = series(jobs.get(arm).get(seed), "loss").get(0).get("value").asDouble();
        assertThat(series(jobs.get(arm).get(seed), "loss").get(0).get("step").asLong()).isEqualTo(1);
        Double first = firstLoss.putIfAbsent(seed, loss);
        if (first != null) {
          assertThat(loss).as(arm + ", seed " + seed + ": the step-1 loss of every arm").isEqualTo(first);
        }
      }
    }
    assertThat(firstLoss.get(1L)).as("seeds start differently").isNotEqualTo(firstLoss.get(2L));
  }

  private void checkOneAtATime(Map<String, Map<Long, JsonNode>> jobs) {
    List<Instant[]> intervals = new ArrayList<>();
    for (Map<Long, JsonNode> bySeed : jobs.values()) {
      for (JsonNode job : bySeed.values()) {
        Instant start = null;
        Instant end = null;
        for (JsonNode event : job.get("timeline")) {
          String to = event.get("to").asText();
          if (to.equals("QUEUED") && event.get("from").asText().equals("WAITING")) {
            assertThat(event.get("reason").asText()).isEqualTo("study slot");
          }
          if (to.equals("RUNNING") && start == null) {
            start = Instant.parse(event.get("at").asText());
          }
          if (to.equals("SUCCEEDED")) {
            end = Instant.parse(event.get("at").asText());
          }
        }
        intervals.add(new Instant[] {start, end});
      }
    }
    intervals.sort((a, b) -> a[0].compareTo(b[0]));
    for (int i = 1; i < intervals.size(); i++) {
      assertThat(intervals.get(i)[0]).as("trial %d starts after the one before ended", i)
          .isAfterOrEqualTo(intervals.get(i - 1)[1]);
    }
  }

  private void checkSummary(JsonNode study, Map<String, Map<Long, JsonNode>> jobs) {
    JsonNode rows = study.get("summary");
    assertThat(rows.findValuesAsString("arm")).containsExactly("adam", "sgd", "rmsprop");
    for (JsonNode row : rows) {
      Map<Long, JsonNode> bySeed = jobs.get(row.get("arm").asText());
      List<Double> finals = new ArrayList<>();
      List<Double> bests = new ArrayList<>();
      List<Double> levels = new ArrayList<>();
      List<Double> steps = new ArrayList<>();
      List<Double> differences = new ArrayList<>();
      for (long seed : List.of(1L, 2L)) {
        List<double[]> points = points(bySeed.get(seed));
        double last = points.get(points.size() - 1)[1];
        finals.add(last);
        bests.add(points.stream().mapToDouble(p -> p[1]).min().orElseThrow());
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
          area += (points.get(i)[0] - points.get(i - 1)[0]) * (points.get(i)[1] + points.get(i - 1)[1]) / 2;
        }
        levels.add(area / (points.get(points.size() - 1)[0] - points.get(0)[0]));
        points.stream().filter(p -> p[1] <= 0.9).findFirst().ifPresent(p -> steps.add(p[0]));
        List<double[]> adam = points(jobs.get("adam").get(seed));
        differences.add(last - adam.get(adam.size() - 1)[1]);
      }
      assertStat(row.get("final"), finals);
      assertStat(row.get("best"), bests);
      assertStat(row.get("meanLevel"), levels);
      assertStat(row.get("stepsToThreshold"), steps);
      assertThat(row.get("reached").asInt()).isEqualTo(steps.size());
      assertThat(row.get("secondsToThreshold").get("n").asInt()).isEqualTo(steps.size());
      assertThat(row.get("diverged").asInt()).isZero();
      assertThat(row.get("trials").asInt()).isEqualTo(2);
      if (row.get("arm").asText().equals("adam")) {
        assertThat(row.get("pairedDifference") == null || row.get("pairedDifference").isNull()).isTrue();
      } else {
        assertStat(row.get("pairedDifference"), differences);
      }
    }
  }

  private static void assertStat(JsonNode stat, List<Double> values) {
    assertThat(stat.get("n").asInt()).isEqualTo(values.size());
    if (values.isEmpty()) {
      return;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(stat.get("mean").asDouble()).isCloseTo(mean, within(1e-12));
    if (values.size() > 1) {
      double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      assertThat(stat.get("sd").asDouble()).isCloseTo(Math.sqrt(ss / (values.size() - 1)), within(1e-12));
    }
  }

  @Test
  void cancelStopsEveryTrialAndTheStudy() {
    Http.Response created = http().post("/api/v1/studies", "{\"name\":\"long\",\"base\":" + BASE.formatted(3000)
        + ",\"seeds\":[1,2,3],\"maxConcurrent\":1}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String first = created.json().get("trials").get(0).get("jobId").asText();
    awaitStatus(first, Duration.ofSeconds(60), "RUNNING");
    JsonNode cancelled = http().post("/api/v1/studies/" + id + "/cancel", "").json();
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
    JsonNode counts = cancelled.get("counts");
    // the two waiting trials at once; the running one is CANCELLING until its worker sees it (or already CANCELLED)
    assertThat(counts.get("CANCELLED").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(counts.get("CANCELLED").asInt() + counts.path("CANCELLING").asInt(0)).isEqualTo(3);
    for (JsonNode trial : cancelled.get("trials")) {
      assertThat(awaitFinished(trial.get("jobId").asText()).get("status").asText()).isEqualTo("CANCELLED");
    }
    pause(1200);
    assertThat(http().get("/api/v1/studies/" + id).json().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(http().post("/api/v1/studies/00000000-0000-0000-0000-000000000000/cancel", "").status())
        .isEqualTo(404);
  }

  @Test
  void badBodiesAreRefusedAtTheirPointersAndNothingIsStored() {
    long studies = studyRows();
    long jobs = jobRows();
    assertProblem("\"arms\":[{\"name\":\"a\",\"set\":{\"/optimiser\":{\"type\":\"sgd\"}}}]",
        "/arms/0/set/~1optimiser");
    assertProblem("\"arms\":[{\"name\":\"a\"},{\"name\":\"b\",\"set\":{\"/optimizer/lr\":-1}}]",
        "/arms/1/set/~1optimizer~1lr");
    assertProblem("\"search\":{\"type\":\"grid\",\"space\":{}}", "/search/space");
    assertProblem("\"seeds\":[1,2,3],\"search\":{\"type\":\"random\",\"trials\":400,\"space\":{\"/optimizer/lr\":"
        + "{\"type\":\"loguniform\",\"low\":0.001,\"high\":0.1}}}", "/search/trials");
    assertThat(studyRows()).isEqualTo(studies);
    assertThat(jobRows()).isEqualTo(jobs);
  }

  @Test
  void theSameRandomSearchGivesTheSameTrials() {
    String body = "{\"name\":\"lr\",\"base\":" + BASE.formatted(1) + ",\"search\":{\"type\":\"random\",\"trials\":3,"
        + "\"sampleSeed\":7,\"space\":{\"/optimizer/lr\":{\"type\":\"loguniform\",\"low\":0.0001,\"high\":0.3},"
        + "\"/batchSize\":{\"type\":\"choice\",\"values\":[16,32,64]}}},\"maxConcurrent\":1}";
    JsonNode first = http().post("/api/v1/studies", body).json();
    JsonNode second = http().post("/api/v1/studies", body).json();
    http().post("/api/v1/studies/" + first.get("id").asText() + "/cancel", "");
    http().post("/api/v1/studies/" + second.get("id").asText() + "/cancel", "");
    assertThat(second.get("trials").findValues("values")).isEqualTo(first.get("trials").findValues("values"));
    assertThat(first.get("trials").get(2).get("values").get("/optimizer/lr").asDouble()).isBetween(1e-4, 0.3);
  }

  private void assertProblem(String fields, String pointer) {
    Http.Response response = http().post("/api/v1/studies", "{\"name\":\"bad\",\"base\":" + BASE.formatted(1) + ","
        + fields + "}");
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.contentType()).contains("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsString("pointer")).as(response.text())
        .containsExactly(pointer);
  }

  private long studyRows() {
    return jdbc.queryForObject("select count(*) from study", Long.class);
  }

  private JsonNode awaitStudy(String id, String status) {
    Instant deadline = Instant.now().plusSeconds(180);
    JsonNode study = http().get("/api/v1/studies/" + id).json();
    while (!study.get("status").asText().equals(status)) {
      assertThat(Instant.now()).as("study %s to reach %s: %s", id, status, study).isBefore(deadline);
      pause(200);
      study = http().get("/api/v1/studies/" + id).json();
    }
    return study;
  }

  private JsonNode series(JsonNode job, String name) {
    return http().get("/api/v1/jobs/" + job.get("id").asText() + "/metrics?names=" + name + "&maxPoints=100000")
        .json().get("series").get(0).get("points");
  }

  private List<double[]> points(JsonNode job) {
    List<double[]> out = new ArrayList<>();
    series(job, "val_loss").forEach(p -> out.add(new double[] {p.get("step").asDouble(), p.get("value").asDouble()}));
    return out;
  }
}
