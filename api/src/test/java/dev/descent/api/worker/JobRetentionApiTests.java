package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Retention by age per tenant ({@code finishedJobRetentionDays}): the sweep deletes exactly the tenant's finished jobs
 * past it, with their large objects, and keeps recent, unfinished, other tenants' and study jobs.
 */
class JobRetentionApiTests extends ApiTestBase {
  private static final String SPEC = Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": 2");

  @Autowired ExpiredJobs expiredJobs;

  @Test
  void theSweepDeletesATenantsFinishedJobsPastItsRetentionAndNothingElse() {
    TestTenant a = createTenant();
    TestTenant b = createTenant();
    JsonNode set = setQuotas(a, "{\"finishedJobRetentionDays\": 2}");
    assertThat(set.get("effective").get("finishedJobRetentionDays").asInt()).isEqualTo(2);
    String old = finished(a);
    String recent = finished(a);
    String otherTenants = finished(b);
    JsonNode study = a.http().post("/api/v1/studies", "{\"name\":\"kept\",\"base\":" + SPEC + ",\"seeds\":[1]}")
        .json();
    String trial = await().atMost(Duration.ofMinutes(1)).until(() -> a.http()
        .get("/api/v1/studies/" + study.get("id").asText()).json().path("trials").path(0).path("jobId").asText(""),
        id -> !id.isEmpty());
    awaitFinished(trial);
    setQuotas(a, "{\"finishedJobRetentionDays\": 2, \"maxRunningJobs\": 0}");
    String queued = a.http().post("/api/v1/jobs", SPEC).json().get("id").asText();
    finishedDaysAgo(old, 3);
    finishedDaysAgo(recent, 1);
    finishedDaysAgo(otherTenants, 30);
    finishedDaysAgo(trial, 30);
    jdbc.update("UPDATE job SET created_at = now() - interval '30 days' WHERE id = ?::uuid", queued);
    List<Long> oids = jdbc.queryForList("SELECT content_oid FROM checkpoint WHERE job_id = ?::uuid", Long.class, old);
    assertThat(oids).isNotEmpty();

    assertThat(expiredJobs.sweep()).isGreaterThanOrEqualTo(1);

    assertThat(a.http().get("/api/v1/jobs/" + old).status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM job_event WHERE job_id = ?::uuid", Long.class, old)).isZero();
    for (long oid : oids) {
      assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata WHERE oid = ?::oid", Long.class,
          oid)).isZero();
    }
    for (String kept : List.of(recent, trial, queued)) {
      assertThat(a.http().get("/api/v1/jobs/" + kept).status()).as(kept).isEqualTo(200);
    }
    assertThat(b.http().get("/api/v1/jobs/" + otherTenants).status()).isEqualTo(200);
    a.http().post("/api/v1/jobs/" + queued + "/cancel", "");
  }

  @Test
  void aRetentionUnderOneDayIsRefusedAtItsField() {
    TestTenant t = createTenant();
    Http.Response bad = http().request("PUT", "/api/v1/tenants/" + t.id() + "/quotas",
        "{\"finishedJobRetentionDays\": 0}");
    assertThat(bad.status()).as(bad.text()).isEqualTo(422);
    assertThat(bad.text()).contains("\"/finishedJobRetentionDays\"");
    assertThat(jdbc.queryForObject("SELECT finished_job_retention_days FROM tenant WHERE id = ?::uuid",
        Integer.class, t.id())).isNull();
  }

  private String finished(TestTenant t) {
    String id = t.http().post("/api/v1/jobs", SPEC).json().get("id").asText();
    assertThat(awaitFinished(id).get("status").asText()).isEqualTo("SUCCEEDED");
    return id;
  }

  private void finishedDaysAgo(String id, int days) {
    jdbc.update("UPDATE job SET finished_at = now() - make_interval(days => ?) WHERE id = ?::uuid", days, id);
  }

  private JsonNode setQuotas(TestTenant t, String body) {
    Http.Response set = http().request("PUT", "/api/v1/tenants/" + t.id() + "/quotas", body);
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    return set.json();
  }
}
