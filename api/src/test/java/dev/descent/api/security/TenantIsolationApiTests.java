package dev.descent.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.api.support.OpenApiOperations;
import dev.descent.api.support.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, endpoint by endpoint: every operation of openapi.yaml (read from the file, so a new endpoint is
 * covered without a change here) called by tenant B against tenant A's resources must answer exactly as it answers
 * for resources that do not exist (same status, same problem body once the ids are blanked), or, for lists and
 * streams, must not name any of A's resources; uploads onto A's files are 404 and change nothing. The admin sees A's
 * resources.
 */
class TenantIsolationApiTests extends ApiTestBase {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final String SPEC = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 2");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Fixture fixture;

  /** Tenant A's resources (and B's key), made once for the class. */
  private record Fixture(TestTenant a, TestTenant b, String job, String checkpoint, String study, String file,
      String folder, String fileInFolder) {
    List<String> secrets() {
      return List.of(job, checkpoint, study, file, folder, a.id(), keyPrefix());
    }

    /** The visible prefix of A's key, {@code dsk_<prefix>_<secret>}. */
    String keyPrefix() {
      return a.key().substring(4, 12);
    }
  }

  @BeforeEach
  void tenantAOwnsThings() {
    if (fixture != null) {
      return;
    }
    TestTenant a = createTenant();
    TestTenant b = createTenant();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String file = "iso-" + tag + ".svm";
    String folder = "iso-" + tag;
    byte[] rows = "1 1:0.5 2:1\n0 1:0.1 3:1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(a.http().put("/api/v1/datasets/files/" + file, rows).status()).isEqualTo(201);
    assertThat(a.http().put("/api/v1/datasets/files/" + folder + "/data.svm", rows).status()).isEqualTo(201);
    Http.Response submitted = a.http().post("/api/v1/jobs", SPEC);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String job = submitted.json().get("id").asText();
    assertThat(awaitStatus(job, Duration.ofSeconds(120), "SUCCEEDED", "FAILED").get("status").asText())
        .isEqualTo("SUCCEEDED");
    String checkpoint = a.http().get("/api/v1/jobs/" + job + "/checkpoints").json().get("items").get(0).get("id")
        .asText();
    Http.Response study = a.http().post("/api/v1/studies", "{\"name\":\"iso\",\"base\":" + SPEC
        + ",\"seeds\":[1],\"maxConcurrent\":1}");
    assertThat(study.status()).as(study.text()).isEqualTo(201);
    String studyId = study.json().get("id").asText();
    a.http().post("/api/v1/studies/" + studyId + "/cancel", "");
    fixture = new Fixture(a, b, job, checkpoint, studyId, file, folder, "data.svm");
  }

  @Test
  void tenantBGetsNothingOfTenantAFromAnyOperation() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<OpenApiOperations.Operation> operations = OpenApiOperations.all();
    for (OpenApiOperations.Operation op : operations) {
      leaks.addAll(leaks(op));
    }

    assertThat(operations).hasSizeGreaterThan(20);
    assertThat(leaks).as("leaks").isEmpty();
    assertThat(fixture.a().http().get("/api/v1/jobs/" + fixture.job()).json().get("status").asText())
        .as("B's calls changed nothing of A's").isEqualTo("SUCCEEDED");
    assertThat(fixture.a().http().get("/api/v1/datasets/files").text()).contains(fixture.file());
  }

  @Test
  void tenantBCannotWarmStartFromOrTrainOnTenantAsResources() throws Exception {
    long before = jobRows();
    for (String[] pair : List.of(
        new String[] {warm(fixture.job()), warm(UUID.randomUUID().toString())},
        new String[] {online(fixture.file()), online("missing-" + UUID.randomUUID() + ".svm")})) {
      Response forA = call("POST", "/api/v1/jobs", pair[0], fixture.b().key());
      Response missing = call("POST", "/api/v1/jobs", pair[1], fixture.b().key());
      assertThat(forA.status()).as(forA.body()).isEqualTo(422);
      assertThat(blank(forA.body())).isEqualTo(blank(missing.body()));
    }
    Response folder = call("POST", "/api/v1/jobs", idx(fixture.folder()), fixture.b().key());
    assertThat(folder.status()).as(folder.body()).isEqualTo(422);
    assertThat(folder.body()).contains("no folder '" + fixture.folder() + "' in the data folder");

    Response study = call("POST", "/api/v1/studies", "{\"name\":\"iso\",\"base\":" + warm(fixture.job())
        + ",\"seeds\":[1]}", fixture.b().key());
    assertThat(study.status()).as(study.body()).isEqualTo(422);
    assertThat(study.body()).contains("/base/init/fromJob");
    assertThat(jobRows()).isEqualTo(before);
    Response own = call("POST", "/api/v1/jobs", online(fixture.file()), fixture.a().key());
    assertThat(own.status()).as("A trains on its own file: " + own.body()).isEqualTo(201);
  }

  @Test
  void theAdminSeesTenantAsResources() throws Exception {
    for (String path : List.of("/api/v1/jobs/" + fixture.job(), "/api/v1/jobs/" + fixture.job() + "/metrics",
        "/api/v1/jobs/" + fixture.job() + "/checkpoints",
        "/api/v1/jobs/" + fixture.job() + "/checkpoints/" + fixture.checkpoint() + "/content",
        "/api/v1/studies/" + fixture.study())) {
      assertThat(call("GET", path, null, TestKeys.ADMIN).status()).as(path).isEqualTo(200);
      assertThat(call("GET", path, null, fixture.a().key()).status()).as(path).isEqualTo(200);
    }
    assertThat(call("GET", "/api/v1/jobs?size=100", null, TestKeys.ADMIN).body()).contains(fixture.job());
    assertThat(call("GET", "/api/v1/studies?size=100", null, TestKeys.ADMIN).body()).contains(fixture.study());
    assertThat(call("GET", "/api/v1/datasets/files", null, TestKeys.ADMIN).body()).contains(fixture.file());
    assertThat(call("GET", "/api/v1/events", null, TestKeys.ADMIN).body()).contains(fixture.job());
    assertThat(call("GET", "/api/v1/events", null, fixture.a().key()).body()).contains(fixture.job());
  }

  /** What B's call of {@code op} on A's resources gives away, compared with the same call on missing ones. */
  private List<String> leaks(OpenApiOperations.Operation op) throws Exception {
    List<String> out = new ArrayList<>();
    Map<String, String> ofA = values(op.path(), true);
    Map<String, String> missing = values(op.path(), false);
    String pathA = fill(op.path(), ofA);
    Response forA = call(op.method(), pathA, body(op, true), fixture.b().key());
    boolean creates = op.method().equals("POST") && (op.path().endsWith("/jobs") || op.path().endsWith("/studies"));
    if (ofA.isEmpty() && !creates) {
      for (String secret : fixture.secrets()) {
        if (forA.body().contains(secret)) {
          out.add(op + " names A's " + secret + ": " + forA.body());
        }
      }
      return out;
    }
    if (op.method().equals("PUT") && op.path().startsWith("/api/v1/datasets/files/")) {
      if (forA.status() != 404) {
        out.add(op + " on A's file answered " + forA.status() + ": " + forA.body());
      }
      return out;
    }
    Response forMissing = call(op.method(), fill(op.path(), missing), body(op, false), fixture.b().key());
    if (forA.status() != forMissing.status() || !blank(forA.body()).equals(blank(forMissing.body()))) {
      out.add(op + " answered " + forA.status() + " " + forA.body() + " for A's, but " + forMissing.status() + " "
          + forMissing.body() + " for missing ones");
    }
    if (op.method().equals("GET") && forA.status() / 100 == 2) {
      out.add(op + " answered " + forA.status() + " for A's resources");
    }
    return out;
  }

  /** The path parameters of {@code path}: A's resources, or random ones that name nothing. */
  private Map<String, String> values(String path, boolean ofA) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAMETER.matcher(path);
    while (m.find()) {
      String name = m.group(1);
      String random = UUID.randomUUID().toString();
      out.put(name, !ofA ? (name.equals("id") || name.endsWith("Id") ? random : "x" + random.substring(0, 8))
          : switch (name) {
            case "id" -> path.startsWith("/api/v1/studies") ? fixture.study()
                : path.startsWith("/api/v1/tenants") ? fixture.a().id() : fixture.job();
            case "tenantId" -> fixture.a().id();
            case "checkpointId" -> fixture.checkpoint();
            case "folder" -> fixture.folder();
            case "name" -> path.contains("{folder}") ? fixture.fileInFolder() : fixture.file();
            case "prefix" -> fixture.keyPrefix();
            default -> random;
          });
    }
    return out;
  }

  private static String fill(String path, Map<String, String> values) {
    String out = path;
    for (Map.Entry<String, String> v : values.entrySet()) {
      out = out.replace("{" + v.getKey() + "}", v.getValue());
    }
    return out;
  }

  /** A body that gets past validation to the owner check: for creating operations, one naming A's job. */
  private String body(OpenApiOperations.Operation op, boolean ofA) {
    String source = ofA ? fixture.job() : UUID.randomUUID().toString();
    return switch (op.method() + " " + op.path()) {
      case "POST /api/v1/jobs" -> warm(source);
      case "POST /api/v1/studies" -> "{\"name\":\"iso\",\"base\":" + warm(source) + ",\"seeds\":[1]}";
      case "POST /api/v1/jobs/{id}/predictions" -> "{\"rows\": [[5.1, 3.5, 1.4, 0.2]]}";
      default -> op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
    };
  }

  /** The response with every id and name of A's, and every random one, blanked. */
  private String blank(String body) {
    String out = body;
    for (String secret : fixture.secrets()) {
      out = out.replace(secret, "…");
    }
    out = out.replace(fixture.fileInFolder(), "…");
    return out.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "…")
        .replaceAll("x[0-9a-f]{8}", "…").replaceAll("missing-[^\"' )]*", "…");
  }

  private static String warm(String source) {
    return SPEC.replace("\"maxAttempts\": 3", "\"maxAttempts\": 3, \"init\": {\"fromJob\": \"" + source
        + "\", \"checkpoint\": \"final\"}");
  }

  private static String online(String path) {
    return Http.example("online-libsvm").replace("clicks.svm", path);
  }

  private static String idx(String folder) {
    return Http.example("fashion-mnist-resnet").replace("\"fashion-mnist\"", "\"" + folder + "\"");
  }

  private record Response(int status, String body) {}

  /** One call with {@code key}; an event stream is read for a second, then closed. */
  private Response call(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TestKeys.bearer(key)).timeout(Duration.ofSeconds(60));
    boolean upload = method.equals("PUT") && path.startsWith("/api/v1/datasets/files/");
    request.header("Content-Type", upload ? "application/octet-stream" : "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(upload ? "1 1:1\n" : body));
    HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    try (InputStream in = response.body()) {
      return new Response(response.statusCode(), stream ? readFor(in, Duration.ofMillis(1500))
          : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String readFor(InputStream in, Duration time) throws Exception {
    StringBuilder out = new StringBuilder();
    CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          synchronized (out) {
            out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        // closed after the time is up
      }
    });
    try {
      reading.get(time.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      in.close();
    }
    synchronized (out) {
      return out.toString();
    }
  }
}
