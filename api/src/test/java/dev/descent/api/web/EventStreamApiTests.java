package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live metric streams: a client that drops and reconnects with Last-Event-ID gets every point exactly once. */
class EventStreamApiTests extends ApiTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Event(String name, String id, String data) {}

  @Test
  void aReconnectingClientReceivesEveryMetricPointExactlyOnce() throws Exception {
    String spec = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 30");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();

    List<Event> first = read(id, null, 150);
    String lastId = first.stream().filter(e -> e.id() != null).reduce((a, b) -> b).orElseThrow().id();
    List<Event> second = read(id, lastId, Integer.MAX_VALUE);

    assertThat(second.get(second.size() - 1).name()).isEqualTo("end");
    List<String> received = new ArrayList<>();
    for (Event e : concat(first, second)) {
      if (e.name().equals("metric")) {
        JsonNode p = JSON.readTree(e.data());
        received.add(p.get("name").asText() + "@" + p.get("step").asLong());
      }
    }
    Set<String> stored = new HashSet<>();
    http().get("/api/v1/jobs/" + id + "/metrics?maxPoints=100000").json().get("series").forEach(s ->
        s.get("points").forEach(p -> stored.add(s.get("name").asText() + "@" + p.get("step").asLong())));

    assertThat(first.stream().filter(e -> e.name().equals("metric")).count()).isGreaterThan(0);
    assertThat(received).doesNotHaveDuplicates();
    assertThat(new HashSet<>(received)).isEqualTo(stored);
    assertThat(concat(first, second)).anyMatch(e -> e.name().equals("job") && e.data().contains("\"SUCCEEDED\""));
  }

  /** Reads events until {@code max} metric events or the end of the stream, then disconnects. */
  private List<Event> read(String id, String lastEventId, int max) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/v1/jobs/" + id + "/events")).timeout(Duration.ofSeconds(120));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<Event> events = new ArrayList<>();
    int metrics = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = null;
      String eventId = null;
      StringBuilder data = new StringBuilder();
      String line;
      while (metrics < max && (line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (name != null) {
            events.add(new Event(name, eventId, data.toString()));
            metrics += name.equals("metric") ? 1 : 0;
          }
          name = null;
          eventId = null;
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          eventId = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5));
        }
      }
    }
    return events;
  }

  private static List<Event> concat(List<Event> a, List<Event> b) {
    List<Event> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
