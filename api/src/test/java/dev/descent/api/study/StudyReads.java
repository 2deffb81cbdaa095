package dev.descent.api.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** What the scheduler tests read of a study through the API: its end, a trial's series, a refused body. */
final class StudyReads {
  private StudyReads() {}

  /** Waits (up to 4 minutes) until the study SUCCEEDED; the study then. */
  static JsonNode awaitSucceeded(Http http, String id) {
    AtomicReference<JsonNode> study = new AtomicReference<>();
    await("study " + id + " to succeed").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          study.set(http.get("/api/v1/studies/" + id).json());
          return study.get().get("status").asText().equals("SUCCEEDED");
        });
    return study.get();
  }

  /** The points of a job's metric as {step, value}, by step. */
  static List<double[]> points(Http http, String job, String name) {
    List<double[]> out = new ArrayList<>();
    http.get("/api/v1/jobs/" + job + "/metrics?names=" + name + "&maxPoints=100000").json().get("series").get(0)
        .get("points").forEach(p -> out.add(new double[] {p.get("step").asDouble(), p.get("value").asDouble()}));
    return out;
  }

  /** The values of a job's metric, by step. */
  static List<Double> series(Http http, String job, String name) {
    return points(http, job, name).stream().map(p -> p[1]).toList();
  }

  /** A study of the base ({@code epochs} epochs) with {@code fields} is refused with one problem at {@code pointer}. */
  static void assertProblem(Http http, int epochs, String fields, String pointer) {
    Http.Response response = http.post("/api/v1/studies", "{\"name\":\"bad\",\"base\":"
        + StudyApiTests.BASE.formatted(epochs) + fields + "}");
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsString("pointer")).as(response.text())
        .containsExactly(pointer);
  }
}
