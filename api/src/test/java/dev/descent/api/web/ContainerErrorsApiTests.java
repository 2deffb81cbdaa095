package dev.descent.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.RawHttp;
import dev.descent.api.support.TestKeys;
import dev.descent.engine.data.files.DataFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every error is an RFC 9457 problem, those Tomcat answers before Spring sees the request included, and a refused
 * path writes nothing to the data folder. The requests go out over a raw socket, exactly as written.
 */
class ContainerErrorsApiTests extends ApiTestBase {
  /** The host, and the admin key: a request the container lets through reaches Spring as an authenticated one. */
  private static final String HOST = "Host: localhost\r\nAuthorization: Bearer " + TestKeys.ADMIN + "\r\n";
  private static final byte[] SMALL = "1,2\n".getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> requests() {
    return Stream.of(
        upload("an encoded slash in an upload path", "..%2Fx", 400),
        upload("an encoded backslash in an upload path", "..%5Cx", 400),
        upload("an encoded NUL in an upload path", "x%00y", 400),
        upload("a doubly encoded slash", "..%252Fx", 400),
        upload("a dot-dot segment", "../x", 400),
        upload("an encoded dot-dot segment", "%2e%2e/x", 400),
        upload("a file name that is not allowed", ".hidden", 400),
        raw("a malformed request line", "GET /api/v1/jobs HTTP/1.1 extra\r\n" + HOST, 400),
        raw("an illegal character in the path", "GET /api/v1/jobs/{x} HTTP/1.1\r\n" + HOST, 400),
        raw("an over-long header", "GET /api/v1/jobs HTTP/1.1\r\n" + HOST + "X-Big: " + "a".repeat(20_000) + "\r\n",
            400),
        raw("a bad Host header", "GET /api/v1/jobs HTTP/1.1\r\nHost: bad host\r\n", 400),
        raw("two Host headers", "GET /api/v1/jobs HTTP/1.1\r\n" + HOST + HOST, 400),
        raw("an unknown path under /api", "GET /api/v1/nothing HTTP/1.1\r\n" + HOST, 404),
        raw("an unknown path asked for as HTML", "GET /api/v1/nothing HTTP/1.1\r\n" + HOST + "Accept: text/html\r\n",
            404),
        raw("the error path called directly", "GET /error HTTP/1.1\r\n" + HOST, 404),
        raw("a method the path lacks", "DELETE /api/v1/examples HTTP/1.1\r\n" + HOST, 405),
        raw("a type the resource cannot give", "GET /api/v1/jobs HTTP/1.1\r\n" + HOST + "Accept: text/csv\r\n", 406),
        body("a job spec as text", "POST /api/v1/jobs", "text/plain", "{}".getBytes(StandardCharsets.UTF_8), 415),
        body("a JSON body over 1 MiB", "POST /api/v1/jobs", "application/json", new byte[(1 << 20) + 1], 413),
        body("a body over 1 MiB where none is read", "POST /api/v1/jobs/" + UUID.randomUUID() + "/cancel",
            "application/json", new byte[(1 << 20) + 1], 413),
        body("an upload over the limit", "PUT /api/v1/datasets/files/big.csv", "application/octet-stream",
            new byte[(1 << 20) + 1], 413));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void theAnswerIsAProblemAndNothingIsWritten(String what, String head, byte[] body, int status)
      throws IOException {
    Set<String> before = dataFiles();
    RawHttp.Response response = new RawHttp(port).send(head, body);

    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).startsWith("https://descent.dev/problems/");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(response.text()).doesNotContain("Exception").doesNotContain("Tomcat").doesNotContain("<html");
    assertThat(dataFiles()).as("the data folder and the folder above it").isEqualTo(before);
  }

  private static Arguments upload(String what, String name, int status) {
    return body(what, "PUT /api/v1/datasets/files/" + name, "application/octet-stream", SMALL, status);
  }

  private static Arguments body(String what, String requestLine, String type, byte[] body, int status) {
    String head = requestLine + " HTTP/1.1\r\n" + HOST + "Content-Type: " + type + "\r\nContent-Length: "
        + body.length + "\r\n";
    return Arguments.of(what, head, body, status);
  }

  private static Arguments raw(String what, String head, int status) {
    return Arguments.of(what, head, new byte[0], status);
  }

  /** Every file under the data folder, and the entries of the folder above it (where {@code ../x} would land). */
  private static Set<String> dataFiles() throws IOException {
    Path folder = DataFolder.fromEnvironment().location().toAbsolutePath().normalize();
    Set<String> files = new TreeSet<>();
    for (Path root : List.of(folder, folder.getParent())) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> entries = root.equals(folder) ? Files.walk(root) : Files.list(root)) {
          entries.forEach(p -> files.add(p.toString()));
        }
      }
    }
    return files;
  }
}
