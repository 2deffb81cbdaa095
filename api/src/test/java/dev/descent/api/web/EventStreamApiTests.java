package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.api.support.Sse;
import dev.descent.api.support.Sse.Event;
import java.net.URI;
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

  private List<Event> read(String id, String lastEventId, int max) throws Exception {
    return Sse.read(URI.create("http://localhost:" + port + "/api/v1/jobs/" + id + "/events"), lastEventId, max);
  }

  private static List<Event> concat(List<Event> a, List<Event> b) {
    List<Event> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
