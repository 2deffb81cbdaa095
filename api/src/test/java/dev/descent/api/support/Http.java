package dev.descent.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for tests that talk to the service as any client would: JSON over HTTP, nothing mocked. Every
 * request carries {@code Authorization: Bearer <key>}: the test admin key ({@link TestKeys#ADMIN}) unless made with
 * {@link #as(String)} (another key) or {@link #anonymous()} (no header).
 */
public final class Http {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  public Http(String base) {
    this(base, TestKeys.ADMIN);
  }

  private Http(String base, String key) {
    this.base = base;
    this.key = key;
  }

  /** The same client sending {@code key} instead. */
  public Http as(String key) {
    return new Http(base, key);
  }

  /** The same client sending no {@code Authorization} header. */
  public Http anonymous() {
    return new Http(base, null);
  }

  /** Any request: {@code method} on {@code path} with {@code body} (null: none) as JSON. */
  public Response request(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (body == null) {
      return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
    }
    return send(request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  public record Response(int status, String contentType, String location, String etag, byte[] body,
      java.net.http.HttpHeaders headers) {
    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A conditional GET: 304 when {@code etag} still matches. */
  public Response get(String path, String etag) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("If-None-Match", etag).GET());
  }

  public Response post(String path, String body) {
    return post(path, body, "application/json");
  }

  public Response post(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A raw upload: {@code body} as {@code application/octet-stream}. */
  public Response put(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A raw upload with no {@code Content-Type} at all, as {@code curl -T file URL} sends it. */
  public Response putUntyped(String path, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A raw upload sent chunked, without a {@code Content-Length}, so the server learns the size only by reading. */
  public Response putChunked(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public static String example(String name) {
    try {
      return Files.readString(Path.of(System.getProperty("descent.examples.dir", "../examples"), name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    if (key != null) {
      request.header("Authorization", TestKeys.bearer(key));
    }
    try {
      HttpResponse<byte[]> r =
          CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Location").orElse(null), r.headers().firstValue("ETag").orElse(null), r.body(),
          r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
