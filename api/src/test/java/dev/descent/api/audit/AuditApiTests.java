package dev.descent.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.api.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit trail: one row per mutating call, failed ones included, readable newest first. */
class AuditApiTests extends ApiTestBase {
  /** The visible prefix of the admin key the tests' requests are made with ({@code dsk_<prefix>_<secret>}). */
  private static final String PREFIX = prefix(TestKeys.ADMIN);

  private static String prefix(String key) {
    return key.split("_")[1];
  }

  private List<JsonNode> audit(String query) {
    Http.Response answer = http().get("/api/v1/audit" + query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    answer.json().get("items").forEach(items::add);
    return items;
  }

  private static JsonNode row(List<JsonNode> rows, String method, String path, int status) {
    return rows.stream().filter(r -> r.get("method").asText().equals(method) && r.get("path").asText().equals(path)
            && r.get("status").asInt() == status)
        .findFirst().orElseThrow(() -> new AssertionError("no audit row " + method + " " + path + " " + status
            + " in " + rows));
  }

  @Test
  void everyMutatingCallIsAuditedWithWhoWhatAndItsStatus() {
    Instant since = Instant.now().minusSeconds(1);
    String spec = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 5000");
    String id = http().post("/api/v1/jobs", spec).json().get("id").asText();
    assertThat(http().post("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
    assertThat(http().post("/api/v1/jobs", spec.replace("\"epochs\": 5000", "\"epochs\": -1")).status())
        .isEqualTo(422);
    String file = "audit-" + UUID.randomUUID() + ".txt";
    assertThat(http().put("/api/v1/datasets/files/" + file, "1 2 3\n".getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(201);
    assertThat(http().delete("/api/v1/datasets/files/" + file).status()).isEqualTo(204);
    awaitStatus(id, Duration.ofSeconds(60), "CANCELLED");
    assertThat(http().delete("/api/v1/jobs/" + id).status()).isEqualTo(204);

    List<JsonNode> rows = audit("?since=" + since + "&limit=1000");

    JsonNode submit = row(rows, "POST", "/api/v1/jobs", 201);
    assertThat(submit.get("keyPrefix").asText()).isEqualTo(PREFIX);
    assertThat(submit.get("resourceId").asText()).isEqualTo(id);
    assertThat(submit.get("route").asText()).isEqualTo("/api/v1/jobs");
    assertThat(submit.get("action").asText()).isEqualTo("submitJob");
    JsonNode cancel = row(rows, "POST", "/api/v1/jobs/" + id + "/cancel", 200);
    assertThat(cancel.get("route").asText()).isEqualTo("/api/v1/jobs/{id}/cancel");
    assertThat(cancel.get("resourceId").asText()).isEqualTo(id);
    assertThat(cancel.get("keyPrefix").asText()).isEqualTo(PREFIX);
    JsonNode failed = row(rows, "POST", "/api/v1/jobs", 422);
    assertThat(failed.get("keyPrefix").asText()).isEqualTo(PREFIX);
    assertThat(failed.get("resourceId").isNull()).isTrue();
    JsonNode upload = row(rows, "PUT", "/api/v1/datasets/files/" + file, 201);
    assertThat(upload.get("resourceId").asText()).isEqualTo(file);
    assertThat(upload.get("action").asText()).isEqualTo("uploadDatasetFile");
    row(rows, "DELETE", "/api/v1/datasets/files/" + file, 204);
    JsonNode deleted = row(rows, "DELETE", "/api/v1/jobs/" + id, 204);
    assertThat(deleted.get("action").asText()).isEqualTo("deleteJob");
    assertThat(deleted.get("keyPrefix").asText()).isEqualTo(PREFIX);
    assertThat(rows).noneMatch(r -> r.get("method").asText().equals("GET"));
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("id").asLong()).isLessThan(rows.get(i - 1).get("id").asLong());
      assertThat(Instant.parse(rows.get(i).get("at").asText()))
          .isBeforeOrEqualTo(Instant.parse(rows.get(i - 1).get("at").asText()));
    }
  }

  @Test
  void tenantsAreNamedRefusedCallsAuditedAndOnlyAdminsReadTheTrail() {
    Instant since = Instant.now().minusSeconds(1);
    TestTenant tenant = createTenant();
    String spec = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": -1");
    assertThat(tenant.http().post("/api/v1/jobs", spec).status()).isEqualTo(422);
    assertThat(http().anonymous().post("/api/v1/jobs", spec).status()).isEqualTo(401);
    String unknown = "/api/v1/jobs/" + UUID.randomUUID();
    assertThat(http().as("dsk_nosuchkey_c2VjcmV0").delete(unknown).status()).isEqualTo(401);

    Http.Response refused = tenant.http().get("/api/v1/audit");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    List<JsonNode> rows = audit("?since=" + since + "&limit=1000");
    JsonNode byTenant = row(rows, "POST", "/api/v1/jobs", 422);
    assertThat(byTenant.get("keyPrefix").asText()).isEqualTo(prefix(tenant.key()));
    assertThat(byTenant.get("tenantId").asText()).isEqualTo(tenant.id());
    JsonNode anonymous = row(rows, "POST", "/api/v1/jobs", 401);
    assertThat(anonymous.get("keyPrefix").isNull()).isTrue();
    assertThat(anonymous.get("tenantId").isNull()).isTrue();
    assertThat(row(rows, "DELETE", unknown, 401).get("keyPrefix").isNull()).isTrue();
    JsonNode created = row(rows, "POST", "/api/v1/tenants", 201);
    assertThat(created.get("keyPrefix").asText()).isEqualTo(PREFIX);
    assertThat(created.get("tenantId").isNull()).isTrue();

    List<JsonNode> ofTenant = audit("?tenant=" + tenant.id());
    assertThat(ofTenant).isNotEmpty().allMatch(r -> r.get("tenantId").asText().equals(tenant.id()));
  }

  @Test
  void aFailedAuditInsertDoesNotFailTheRequest() {
    String path = "/api/v1/jobs/" + UUID.randomUUID();
    jdbc.execute("alter table audit_event add constraint audit_test_refuse check (path <> '" + path + "') not valid");
    Http.Response answer;
    try {
      answer = http().delete(path);
    } finally {
      jdbc.execute("alter table audit_event drop constraint audit_test_refuse");
    }
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("type").asText()).endsWith("/not-found");
    assertThat(jdbc.queryForObject("select count(*) from audit_event where path = ?", Long.class, path)).isZero();
    http().delete(path);
    assertThat(jdbc.queryForObject("select count(*) from audit_event where path = ?", Long.class, path)).isOne();
  }

  @Test
  void theTrailIsFilteredByTenantAndSinceAndLimited() {
    http().delete("/api/v1/jobs/" + UUID.randomUUID());
    http().delete("/api/v1/jobs/" + UUID.randomUUID());
    assertThat(audit("?limit=2")).hasSize(2);
    assertThat(audit("?limit=1").get(0).get("status").asInt()).isEqualTo(404);
    assertThat(audit("?tenant=" + UUID.randomUUID())).isEmpty();
    assertThat(audit("?since=" + Instant.now().plusSeconds(3600))).isEmpty();
    assertThat(audit("").size()).isBetween(2, 100);
    for (String bad : new String[] {"?limit=0", "?limit=1001", "?since=yesterday", "?tenant=nobody"}) {
      Http.Response answer = http().get("/api/v1/audit" + bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
    }
  }
}
