package dev.descent.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.api.support.OpenApiOperations;
import dev.descent.api.support.OpenApiOperations.Operation;
import dev.descent.api.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of openapi.yaml refuses requests without a valid key (none, unknown, malformed, revoked, expired)
 * with a 401 problem and {@code WWW-Authenticate: Bearer}; health and the dashboard's files need none; a tenant's key
 * on admin operations is 403; keys are stored only as hashes; tenants and keys are made and revoked over HTTP.
 */
class AuthenticationApiTests extends ApiTestBase {
  private static final List<String> ADMIN_ONLY = List.of("POST /api/v1/tenants", "GET /api/v1/tenants",
      "POST /api/v1/tenants/{tenantId}/keys");

  @Test
  void everyOperationAnswers401WithoutAValidKey() {
    TestTenant tenant = createTenant();
    String revoked = newKey(tenant, null);
    assertThat(http().delete("/api/v1/keys/" + prefix(revoked)).status()).isEqualTo(204);
    String expiring = newKey(tenant, Instant.now().plusSeconds(3));
    assertThat(http().as(expiring).get("/api/v1/jobs").status()).isEqualTo(200);
    await("the key to expire").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> http().as(expiring).get("/api/v1/jobs").status() == 401);
    Map<String, Http> callers = Map.of("no key", http().anonymous(),
        "an unknown key", http().as(ApiKeys.generate().key()),
        "a wrong secret", http().as(tenant.key().substring(0, 13) + "A".repeat(43)),
        "a malformed key", http().as("not a key!"),
        "a revoked key", http().as(revoked),
        "an expired key", http().as(expiring));

    List<Operation> operations = OpenApiOperations.all();
    assertThat(operations).hasSizeGreaterThan(20);
    SoftAssertions softly = new SoftAssertions();
    for (Operation operation : operations) {
      callers.forEach((what, caller) -> {
        String body = operation.method().equals("POST") || operation.method().equals("PUT") ? "{}" : null;
        Http.Response response = caller.request(operation.method(), operation.concretePath(), body);
        softly.assertThat(response.status()).as(operation + " with " + what).isEqualTo(401);
        softly.assertThat(response.header("WWW-Authenticate")).as(operation + " with " + what).startsWith("Bearer");
        softly.assertThat(response.contentType()).as(operation + " with " + what)
            .startsWith("application/problem+json");
        if (response.contentType().startsWith("application/problem+json")) {
          softly.assertThat(response.json().get("status").asInt()).as(operation + " with " + what).isEqualTo(401);
        }
      });
    }
    softly.assertAll();
  }

  @Test
  void healthAndTheDashboardFilesNeedNoKeyAndCarrySecurityHeaders() {
    Http anonymous = http().anonymous();
    for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/",
        "/index.html", "/css/app.css", "/js/api.js", "/js/live.js", "/webjars/uplot/dist/uPlot.iife.min.js")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
    }
    Http.Response page = anonymous.get("/");
    assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CSP)
        .contains("script-src 'self';", "frame-ancestors 'none'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Set-Cookie")).isNull();
  }

  @Test
  void prometheusAndTenantManagementNeedTheAdminKey() {
    TestTenant tenant = createTenant();
    assertThat(http().anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertForbidden(tenant.http().get("/actuator/prometheus"));
    assertThat(http().get("/actuator/prometheus").status()).isEqualTo(200);

    assertForbidden(tenant.http().post("/api/v1/tenants", "{\"name\": \"by-a-tenant\"}"));
    assertForbidden(tenant.http().get("/api/v1/tenants"));
    assertForbidden(tenant.http().post("/api/v1/tenants/" + tenant.id() + "/keys", "{}"));
    assertThat(tenant.http().get("/api/v1/jobs").status()).isEqualTo(200);
    assertThat(http().get("/api/v1/tenants").json().get("items").findValuesAsString("name"))
        .doesNotContain("by-a-tenant").contains(tenant.name());
    assertThat(ADMIN_ONLY).allMatch(op -> OpenApiOperations.all().stream().anyMatch(o -> o.toString().equals(op)));
  }

  @Test
  void keysAreStoredOnlyAsHashes() {
    TestTenant tenant = createTenant();
    String second = newKey(tenant, null);
    for (String key : List.of(tenant.key(), second)) {
      String secret = key.substring(13);
      Map<String, Object> row = jdbc.queryForMap("select * from api_key where prefix = ?", prefix(key));
      assertThat(row.get("hash")).isEqualTo(ApiKeys.hash(key));
      assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secret));
      assertThat(jdbc.queryForObject("select count(*) from api_key where hash like ? or prefix like ?", Long.class,
          "%" + secret + "%", "%" + secret + "%")).isZero();
      assertThat(key).matches("dsk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
    }
  }

  @Test
  void tenantsAreCreatedListedGivenKeysAndKeysRevoked() {
    TestTenant tenant = createTenant();
    Http.Response again = http().post("/api/v1/tenants", "{\"name\": \"" + tenant.name() + "\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertInvalid(http().post("/api/v1/tenants", "{}"), "/name");
    assertInvalid(http().post("/api/v1/tenants", "{\"name\": \"\"}"), "/name");
    assertInvalid(http().post("/api/v1/tenants", "{\"name\": 7}"), "/name");
    assertInvalid(http().post("/api/v1/tenants", "{\"name\": \"" + "n".repeat(101) + "\"}"), "/name");
    assertInvalid(http().post("/api/v1/tenants", "{\"name\": \"ok\", \"quota\": 1}"), "/quota");
    String keys = "/api/v1/tenants/" + tenant.id() + "/keys";
    assertInvalid(http().post(keys, "{\"expiresAt\": \"2001-01-01T00:00:00Z\"}"), "/expiresAt");
    assertInvalid(http().post(keys, "{\"expiresAt\": \"tomorrow\"}"), "/expiresAt");
    assertThat(http().post("/api/v1/tenants/" + UUID.randomUUID() + "/keys", "{}").status())
        .isEqualTo(404);

    Http.Response issued = http().post("/api/v1/tenants/" + tenant.id() + "/keys",
        "{\"expiresAt\": \"2099-01-01T00:00:00Z\"}");
    assertThat(issued.status()).isEqualTo(201);
    JsonNode key = issued.json();
    assertThat(key.get("tenantId").asText()).isEqualTo(tenant.id());
    assertThat(key.get("admin").asBoolean()).isFalse();
    assertThat(key.get("expiresAt").asText()).startsWith("2099-01-01T00:00");
    String second = key.get("key").asText();
    assertThat(second).startsWith("dsk_" + key.get("prefix").asText() + "_");
    assertThat(http().as(second).get("/api/v1/studies").status()).isEqualTo(200);

    TestTenant other = createTenant();
    assertThat(other.http().delete("/api/v1/keys/" + prefix(second)).status()).isEqualTo(404);
    assertThat(other.http().delete("/api/v1/keys/" + prefix(TestKeys.ADMIN)).status()).isEqualTo(404);
    assertThat(http().as(second).get("/api/v1/jobs").status()).isEqualTo(200);
    assertThat(tenant.http().delete("/api/v1/keys/" + prefix(second)).status()).isEqualTo(204);
    assertThat(http().as(second).get("/api/v1/jobs").status()).isEqualTo(401);
    assertThat(http().delete("/api/v1/keys/" + prefix(other.key())).status()).isEqualTo(204);
    assertThat(other.http().get("/api/v1/jobs").status()).isEqualTo(401);
    assertThat(tenant.http().get("/api/v1/jobs").status()).isEqualTo(200);
    assertThat(http().delete("/api/v1/keys/nosuchkey").status()).isEqualTo(404);
  }

  @Test
  void createdTenantAnswersWithLocationAndItsFirstKey() {
    String name = "located-" + UUID.randomUUID();
    Http.Response created = http().post("/api/v1/tenants", "{\"name\": \"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(created.location()).isEqualTo("/api/v1/tenants/" + body.get("tenant").get("id").asText());
    assertThat(body.get("tenant").get("name").asText()).isEqualTo(name);
    assertThat(body.get("key").get("tenantId").asText()).isEqualTo(body.get("tenant").get("id").asText());
    assertThat(body.get("key").path("expiresAt").isMissingNode() || body.get("key").get("expiresAt").isNull())
        .isTrue();
    assertThat(http().as(body.get("key").get("key").asText()).get("/api/v1/jobs").status()).isEqualTo(200);
  }

  private String newKey(TestTenant tenant, Instant expiresAt) {
    String body = expiresAt == null ? "{}" : "{\"expiresAt\": \"" + expiresAt + "\"}";
    Http.Response issued = http().post("/api/v1/tenants/" + tenant.id() + "/keys", body);
    assertThat(issued.status()).as(issued.text()).isEqualTo(201);
    return issued.json().get("key").asText();
  }

  private static String prefix(String key) {
    return key.substring(4, 12);
  }

  private static void assertForbidden(Http.Response response) {
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(403);
  }

  private static void assertInvalid(Http.Response response, String pointer) {
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactly(pointer);
  }

}
