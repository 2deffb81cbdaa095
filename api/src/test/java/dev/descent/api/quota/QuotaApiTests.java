package dev.descent.api.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.AtOnce;
import dev.descent.api.support.Http;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-tenant quotas over HTTP: 429 at the queued-jobs quota (with Retry-After), 422 at the checkpoint bytes, 413 over
 * the data-folder bytes, each naming the quota with nothing stored; a tenant at its running quota waits queued; only
 * the admin sets quotas.
 */
class QuotaApiTests extends ApiTestBase {
  private static final String SPEC = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 2");

  @Test
  void atItsQueuedQuotaATenantsSubmitIs429AndNothingIsStored() {
    TestTenant t = createTenant();
    setQuotas(t, "{\"maxRunningJobs\": 0, \"maxQueuedJobs\": 1}");
    Http.Response first = t.http().post("/api/v1/jobs", SPEC);
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    long before = jobRows();

    Http.Response second = t.http().post("/api/v1/jobs", SPEC);
    Http.Response study = t.http().post("/api/v1/studies", "{\"name\":\"q\",\"base\":" + SPEC + ",\"seeds\":[1]}");

    for (Http.Response refused : new Http.Response[] {second, study}) {
      assertThat(refused.status()).as(refused.text()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("quota").asText()).isEqualTo("maxQueuedJobs");
      assertThat(refused.header("Retry-After")).isEqualTo("30");
    }
    assertThat(jobRows()).isEqualTo(before);
    assertThat(http().post("/api/v1/jobs", SPEC).status()).as("the admin has no quota").isEqualTo(201);
    pause(1_000);
    assertThat(t.http().get("/api/v1/jobs/" + first.json().get("id").asText()).json().get("status").asText())
        .as("at its running quota of 0 the tenant's job stays queued").isEqualTo("QUEUED");
    t.http().post("/api/v1/jobs/" + first.json().get("id").asText() + "/cancel", "");
  }

  /** The quota check and the insert are one step per tenant: ten submits at once with room for three store three. */
  @Test
  void concurrentSubmitsNeverTakeATenantPastItsQueuedQuota() throws Exception {
    TestTenant t = createTenant();
    setQuotas(t, "{\"maxRunningJobs\": 0, \"maxQueuedJobs\": 3}");
    List<Integer> statuses = AtOnce.run(10, i -> t.http().post("/api/v1/jobs", SPEC).status());
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM job WHERE tenant_id = CAST(? AS uuid)", Long.class, t.id()))
        .isEqualTo(3);
    jdbc.queryForList("SELECT id FROM job WHERE tenant_id = CAST(? AS uuid)", UUID.class, t.id())
        .forEach(id -> t.http().post("/api/v1/jobs/" + id + "/cancel", ""));
  }

  @Test
  void atItsCheckpointBytesATenantsSubmitIs422() {
    TestTenant t = createTenant();
    Http.Response job = t.http().post("/api/v1/jobs", SPEC);
    awaitFinished(job.json().get("id").asText());
    setQuotas(t, "{\"maxCheckpointBytes\": 1}");
    long before = jobRows();

    Http.Response refused = t.http().post("/api/v1/jobs", SPEC);

    assertThat(refused.status()).as(refused.text()).isEqualTo(422);
    assertThat(refused.json().get("quota").asText()).isEqualTo("maxCheckpointBytes");
    assertThat(jobRows()).isEqualTo(before);
    setQuotas(t, "{\"maxCheckpointBytes\": 1000000000}");
    assertThat(t.http().post("/api/v1/jobs", SPEC).status()).isEqualTo(201);
  }

  @Test
  void anUploadOverTheDataQuotaIs413AndNothingIsWritten() {
    TestTenant t = createTenant();
    setQuotas(t, "{\"maxDataBytes\": 10}");
    String name = "quota-" + UUID.randomUUID() + ".svm";

    Http.Response tooBig = t.http().put("/api/v1/datasets/files/" + name, bytes(11));
    assertThat(tooBig.status()).as(tooBig.text()).isEqualTo(413);
    assertThat(tooBig.json().get("quota").asText()).isEqualTo("maxDataBytes");
    assertThat(t.http().get("/api/v1/datasets/files").text()).doesNotContain(name);

    assertThat(t.http().put("/api/v1/datasets/files/" + name, bytes(6)).status()).isEqualTo(201);
    assertThat(t.http().put("/api/v1/datasets/files/other-" + name, bytes(5)).status()).isEqualTo(413);
    assertThat(t.http().put("/api/v1/datasets/files/" + name + "?overwrite=true", bytes(10)).status())
        .as("a replaced file's bytes count once").isEqualTo(200);
    assertThat(t.http().get("/api/v1/datasets/files").text()).doesNotContain("other-" + name);
  }

  /** The last check, the move and the owner's row are one step per tenant: ten uploads with room for three. */
  @Test
  void concurrentUploadsNeverTakeATenantPastItsDataQuota() throws Exception {
    TestTenant t = createTenant();
    setQuotas(t, "{\"maxDataBytes\": 30}");
    String prefix = "race-" + UUID.randomUUID();
    List<Integer> statuses = AtOnce.run(10,
        i -> t.http().put("/api/v1/datasets/files/" + prefix + "-" + i + ".svm", bytes(10)).status());
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 413).hasSize(7);
    assertThat(jdbc.queryForObject("SELECT coalesce(sum(size_bytes), 0) FROM dataset_file WHERE tenant_id = "
        + "CAST(? AS uuid)", Long.class, t.id())).isEqualTo(30);
    assertThat(t.http().get("/api/v1/datasets/files").json().get("items"))
        .filteredOn(item -> item.get("name").asText().startsWith(prefix)).hasSize(3);
  }

  @Test
  void onlyTheAdminSetsQuotasAndBadOnesAre422() {
    TestTenant t = createTenant();
    String path = "/api/v1/tenants/" + t.id() + "/quotas";

    assertThat(t.http().request("PUT", path, "{\"maxQueuedJobs\": 5}").status()).isEqualTo(403);
    assertThat(http().request("PUT", "/api/v1/tenants/" + UUID.randomUUID() + "/quotas", "{}").status())
        .isEqualTo(404);
    Http.Response bad = http().request("PUT", path, "{\"maxQueuedJobs\": -1, \"maxJobs\": 2}");
    assertThat(bad.status()).as(bad.text()).isEqualTo(422);
    assertThat(bad.text()).contains("\"/maxQueuedJobs\"", "\"/maxJobs\"");
    JsonNode set = setQuotas(t, "{\"maxQueuedJobs\": 5, \"maxDataBytes\": null}");
    assertThat(set.get("quotas").get("maxQueuedJobs").asInt()).isEqualTo(5);
    assertThat(set.get("quotas").path("maxDataBytes").isNumber()).isFalse();
  }

  private JsonNode setQuotas(TestTenant t, String body) {
    Http.Response set = http().request("PUT", "/api/v1/tenants/" + t.id() + "/quotas", body);
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    return set.json();
  }

  private static byte[] bytes(int n) {
    return "1 1:1\n".repeat(n).substring(0, n).getBytes(StandardCharsets.UTF_8);
  }
}
