package dev.descent.api.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A Server-Sent Events client for tests: reads a stream's events over HTTP. */
public final class Sse {
  private Sse() {}

  /** One event: its name ({@code event:}), id ({@code id:}, null when none) and data. */
  public record Event(String name, String id, String data) {}

  /** The response to a stream request with the test admin key, failing unless it is {@code text/event-stream}. */
  public static HttpResponse<InputStream> open(URI uri, String lastEventId) throws IOException, InterruptedException {
    return open(uri, lastEventId, TestKeys.ADMIN);
  }

  /** The response to a stream request with {@code key}, failing unless it is {@code text/event-stream}. */
  public static HttpResponse<InputStream> open(URI uri, String lastEventId, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
        .header("Authorization", TestKeys.bearer(key));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("text/event-stream")) {
      throw new AssertionError("not an event stream: " + response.statusCode() + " " + type);
    }
    return response;
  }

  /** Reads events until {@code maxMetrics} events named {@code metric} or the end of the stream, then disconnects. */
  public static List<Event> read(URI uri, String lastEventId, int maxMetrics) throws IOException, InterruptedException {
    List<Event> events = new ArrayList<>();
    int metrics = 0;
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(open(uri, lastEventId).body(), StandardCharsets.UTF_8))) {
      String name = null;
      String eventId = null;
      StringBuilder data = new StringBuilder();
      String line;
      while (metrics < maxMetrics && (line = in.readLine()) != null) {
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
}
