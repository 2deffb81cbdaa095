package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service as a user first starts it, with no admin key configured: it creates one, writes it to its admin key file
 * with mode 0600 and logs the dashboard link that signs in; the key works. A restart reuses the file (and registers
 * its key again when the database lost it).
 */
class AdminKeyBootstrapTests {
  private final List<ServiceProcess> services = new ArrayList<>();
  private Path dataDir;

  @AfterEach
  void cleanUp() {
    Postmasters.cleanUp(services, dataDir);
  }

  @Test
  void firstStartCreatesTheAdminKeyFileAndLaterStartsReuseIt() throws Exception {
    dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "admin-key-");
    Path keyFile = dataDir.resolve("admin.key");
    int dbPort = freePort();

    int port = freePort();
    ServiceProcess first = start(port, dbPort, keyFile);
    assertThat(keyFile).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    String key = Files.readString(keyFile).strip();
    assertThat(key).matches("dsk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
    assertThat(first.log()).contains("http://localhost:" + port + "/#key=" + key, "Created admin key");
    assertThat(first.get("/api/v1/jobs").get("status").asInt()).as("the test key is not configured").isEqualTo(401);
    first.useKey(key);
    assertThat(first.get("/api/v1/jobs").has("items")).isTrue();
    assertThat(first.get("/api/v1/tenants").has("items")).as("an admin key").isTrue();
    deleteKeys(dbPort); // a database that lost the key: the next start registers the file's key again
    first.terminate(Duration.ofSeconds(60));

    int secondPort = freePort();
    ServiceProcess second = start(secondPort, dbPort, keyFile);
    assertThat(Files.readString(keyFile).strip()).as("the file is reused, not replaced").isEqualTo(key);
    assertThat(second.log()).contains("http://localhost:" + secondPort + "/#key=" + key)
        .doesNotContain("Created admin key");
    second.useKey(key);
    assertThat(second.get("/api/v1/jobs").has("items")).isTrue();
  }

  private ServiceProcess start(int port, int dbPort, Path keyFile) throws Exception {
    ServiceProcess service = ServiceProcess.startEmbeddedWithoutAdminKey(dataDir.resolve("postgres"), port, dbPort,
        "--descent.security.admin-key-file=" + keyFile, "--descent.workers.enabled=false",
        "--descent.datasets.dir=" + dataDir.resolve("datasets"));
    services.add(service);
    service.awaitHealthy(Duration.ofMinutes(4));
    return service;
  }

  private static void deleteKeys(int dbPort) throws Exception {
    try (var c = Postmasters.connect(dbPort); var s = c.createStatement()) {
      assertThat(s.executeUpdate("DELETE FROM api_key")).isEqualTo(1);
    }
  }
}
