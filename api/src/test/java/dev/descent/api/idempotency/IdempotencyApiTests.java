package dev.descent.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.AtOnce;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code Idempotency-Key} over real HTTP and PostgreSQL: replays, refusals, and concurrent duplicates. */
class IdempotencyApiTests extends ApiTestBase {
  private static final String KEY = "Idempotency-Key";

  private static String spec(String name, int epochs) {
    return Http.example("iris-mlp").replace("\"iris-mlp\"", "\"" + name + "\"")
        .replace("\"epochs\": 60", "\"epochs\": " + epochs);
  }

  private long jobsNamed(String name) {
    return jdbc.queryForObject("select count(*) from job where name = ?", Long.class, name);
  }

  private Http.Response submit(String key, String body) {
    return http().postWithHeaders("/api/v1/jobs", body, KEY, key);
  }

  @Test
  void aRepeatedSubmitReplaysTheFirstResponseAndCreatesNoSecondJob() {
    String name = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    Http.Response first = submit(key, spec(name, 5));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();

    Http.Response again = submit(key, spec(name, 5));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.location()).isEqualTo(first.location()).endsWith(first.json().get("id").asText());
    assertThat(again.contentType()).isEqualTo(first.contentType());
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(jobsNamed(name)).isEqualTo(1);

    Http.Response otherKey = submit(UUID.randomUUID().toString(), spec(name, 5));
    assertThat(otherKey.status()).isEqualTo(201);
    assertThat(otherKey.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
    assertThat(jobsNamed(name)).isEqualTo(2);
    awaitFinished(first.json().get("id").asText());
    awaitFinished(otherKey.json().get("id").asText());
  }

  @Test
  void theSameKeyWithAnotherBodyIsA422NamingTheHeaderAndStoresNothing() {
    String name = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String id = submit(key, spec(name, 5)).json().get("id").asText();

    Http.Response other = submit(key, spec(name, 6));
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().get("type").asText()).endsWith("/idempotency-key-reused");
    assertThat(other.json().get("errors").get(0).get("pointer").asText()).isEqualTo(KEY);
    assertThat(jobsNamed(name)).isEqualTo(1);

    Http.Response otherPath = http().postWithHeaders("/api/v1/studies", spec(name, 5), KEY, key);
    assertThat(otherPath.status()).isEqualTo(422);
    awaitFinished(id);
  }

  @Test
  void keysOutsideTheSyntaxAre400sNamingTheHeader() {
    for (String bad : new String[] {"has space", "x".repeat(256), ""}) {
      Http.Response answer = submit(bad, spec("idem-bad", 5));
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("pointer").asText()).isEqualTo(KEY);
    }
    assertThat(jobsNamed("idem-bad")).isZero();
    assertThat(submit("x".repeat(255), spec("idem-long-key", 1)).status()).isEqualTo(201);
  }

  @Test
  void keysArePerTenant() {
    String name = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    TestTenant a = createTenant();
    TestTenant b = createTenant();
    Http.Response ofA = a.http().postWithHeaders("/api/v1/jobs", spec(name, 1), KEY, key);
    Http.Response ofB = b.http().postWithHeaders("/api/v1/jobs", spec(name, 1), KEY, key);
    Http.Response ofAdmin = submit(key, spec(name, 1));
    assertThat(List.of(ofA, ofB, ofAdmin)).extracting(Http.Response::status).containsOnly(201);
    assertThat(List.of(ofA, ofB, ofAdmin)).allMatch(r -> r.header("Idempotent-Replayed") == null);
    assertThat(List.of(ofA, ofB, ofAdmin)).extracting(r -> r.json().get("id").asText()).doesNotHaveDuplicates();

    Http.Response again = a.http().postWithHeaders("/api/v1/jobs", spec(name, 1), KEY, key);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("id").asText()).isEqualTo(ofA.json().get("id").asText());
    assertThat(jobsNamed(name)).isEqualTo(3);
    List.of(ofA, ofB, ofAdmin).forEach(r -> awaitFinished(r.json().get("id").asText()));
  }

  @Test
  void tenConcurrentDuplicatesCreateExactlyOneJob() throws Exception {
    String name = "idem-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    List<Http.Response> responses = AtOnce.run(10, i -> submit(key, spec(name, 5)));
    assertThat(responses).extracting(Http.Response::status).containsOnly(201);
    assertThat(responses).extracting(r -> r.json().get("id").asText()).containsOnly(
        responses.get(0).json().get("id").asText());
    assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
    assertThat(jobsNamed(name)).isEqualTo(1);
    awaitFinished(responses.get(0).json().get("id").asText());
  }

  @Test
  void aRepeatedActionIsReplayedNotDoneAgain() {
    String id = http().post("/api/v1/jobs", spec("idem-action", 5000)).json().get("id").asText();
    String key = UUID.randomUUID().toString();
    Http.Response paused = http().postWithHeaders("/api/v1/jobs/" + id + "/pause", "", KEY, key);
    assertThat(paused.status()).as(paused.text()).isEqualTo(200);
    awaitStatus(id, Duration.ofSeconds(60), "PAUSED");
    assertThat(http().post("/api/v1/jobs/" + id + "/unpause", "").status()).isEqualTo(200);

    Http.Response again = http().postWithHeaders("/api/v1/jobs/" + id + "/pause", "", KEY, key);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.text()).isEqualTo(paused.text());
    JsonNode now = http().get("/api/v1/jobs/" + id).json();
    assertThat(now.get("status").asText()).isIn("QUEUED", "RUNNING");

    String cancelKey = UUID.randomUUID().toString();
    Http.Response cancelled = http().postWithHeaders("/api/v1/jobs/" + id + "/cancel", "", KEY, cancelKey);
    assertThat(http().postWithHeaders("/api/v1/jobs/" + id + "/cancel", "", KEY, cancelKey).text())
        .isEqualTo(cancelled.text());
    awaitFinished(id);
  }

  @Test
  void aServerErrorIsNotKeptSoTheSameKeyRunsAgain() {
    String name = "idem-5xx-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    jdbc.execute("alter table job add constraint idem_test_refuse check (name <> '" + name + "') not valid");
    Http.Response failed;
    try {
      failed = submit(key, spec(name, 1));
    } finally {
      jdbc.execute("alter table job drop constraint idem_test_refuse");
    }
    assertThat(failed.status()).isEqualTo(500);
    assertThat(jdbc.queryForObject("select count(*) from idempotency_key where key = ?", Long.class, key)).isZero();

    Http.Response retried = submit(key, spec(name, 1));
    assertThat(retried.status()).as(retried.text()).isEqualTo(201);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(jobsNamed(name)).isEqualTo(1);
    awaitFinished(retried.json().get("id").asText());
  }

  @Test
  void aClientErrorIsReplayedAndAnExpiredKeyIsFreeAgain() {
    String key = UUID.randomUUID().toString();
    String missing = "/api/v1/jobs/" + UUID.randomUUID() + "/cancel";
    assertThat(http().postWithHeaders(missing, "", KEY, key).status()).isEqualTo(404);
    Http.Response again = http().postWithHeaders(missing, "", KEY, key);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

    jdbc.update("update idempotency_key set expires_at = now() - interval '1 second' where key = ?", key);
    Http.Response reused = submit(key, spec("idem-expired", 1));
    assertThat(reused.status()).as(reused.text()).isEqualTo(201);
    assertThat(reused.header("Idempotent-Replayed")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from idempotency_key where expires_at <= now()", Long.class))
        .isZero();
    awaitFinished(reused.json().get("id").asText());
  }
}
