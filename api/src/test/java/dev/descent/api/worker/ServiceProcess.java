package dev.descent.api.worker;

import static org.awaitility.Awaitility.await;

import dev.descent.api.support.TestKeys;
import dev.descent.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service as a separate operating-system process (same classpath as the tests), on its own port and
 * database (an external one, or its default embedded PostgreSQL in a given folder), with one training slot and fast
 * queue timings so that a killed worker's job is reaped within seconds (arguments given replace these defaults).
 */
final class ServiceProcess implements JobChecks.Reads {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Process process;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Path log;
  private volatile String key = TestKeys.ADMIN;

  private ServiceProcess(Process process, int port, Path log) {
    this.process = process;
    this.base = "http://localhost:" + port;
    this.log = log;
  }

  /** From now on, requests send {@code key} (by default the test admin key, which the process is given). */
  void useKey(String key) {
    this.key = key;
  }

  static ServiceProcess start(String database, int port, PostgresTestDatabase server) throws IOException {
    String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    return startExternal(port, url, server.username(), server.password());
  }

  /** The service over the PostgreSQL at {@code url}. */
  static ServiceProcess startExternal(int port, String url, String user, String password, String... extra)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
        "--descent.db.embedded=false"));
    args.addAll(List.of(extra));
    return start(port, args.toArray(String[]::new));
  }

  /** The service over its default embedded PostgreSQL in {@code dataDir}, listening on {@code dbPort}. */
  static ServiceProcess startEmbedded(Path dataDir, int port, int dbPort, String... extra) throws IOException {
    return start(port, true, embedded(dataDir, dbPort, extra));
  }

  private static ServiceProcess start(int port, String... args) throws IOException {
    return start(port, true, args);
  }

  /**
   * The service over its default embedded PostgreSQL in {@code dataDir}, with no admin key configured (no
   * {@code DESCENT_ADMIN_KEY}): it registers the key in its admin key file, or creates one there.
   */
  static ServiceProcess startEmbeddedWithoutAdminKey(Path dataDir, int port, int dbPort, String... extra)
      throws IOException {
    return start(port, false, embedded(dataDir, dbPort, extra));
  }

  private static String[] embedded(Path dataDir, int dbPort, String... extra) {
    List<String> args = new ArrayList<>(List.of("--descent.db.data-dir=" + dataDir.toAbsolutePath(),
        "--descent.db.port=" + dbPort));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static ServiceProcess start(int port, boolean adminKey, String... args) throws IOException {
    Path log = Path.of("target", "service-" + port + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "dev.descent.api.DescentApplication",
        "--server.port=" + port));
    for (String setting : List.of("--descent.workers.pool-size=1", "--descent.workers.poll-interval=200ms",
        "--descent.workers.heartbeat-interval=200ms", "--descent.workers.reap-interval=500ms",
        "--descent.workers.stale-after=3s")) {
      String key = setting.substring(0, setting.indexOf('=') + 1);
      if (Arrays.stream(args).noneMatch(a -> a.startsWith(key))) { // an argument given replaces the default
        command.add(setting);
      }
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("DESCENT_ADMIN_KEY");
    if (adminKey) {
      builder.environment().put("DESCENT_ADMIN_KEY", TestKeys.ADMIN);
    }
    Process process = builder.start();
    return new ServiceProcess(process, port, log);
  }

  /** What the process wrote so far (stdout and stderr). */
  String log() throws IOException {
    return Files.readString(log);
  }

  String base() {
    return base;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, then how long the process took to exit (fails after {@code limit}, killing it). */
  Duration terminate(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("the service did not exit within " + limit + " of SIGTERM");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  void awaitHealthy(Duration timeout) {
    await("service at " + base + " to become healthy").atMost(timeout).pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
        .failFast("the service process ended", () -> !process.isAlive())
        .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
  }

  /** SIGKILL: no shutdown hooks, no graceful stop, heartbeats just cease. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public JsonNode get(String path) {
    return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
  }

  @Override
  public byte[] download(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  JsonNode post(String path, String body) {
    return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  private byte[] send(HttpRequest.Builder request) {
    request.header("Authorization", TestKeys.bearer(key));
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
