package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Studies survive a {@code kill -9} of the whole service: an ASHA study and a PBT study run (two workers, two slots
 * each) over the test's own PostgreSQL; once ASHA has recorded a rung and trials are running, the service is killed and
 * a new one started on the same database. Both studies finish, and then: every trial is one job that ended exactly
 * once, claimed exactly as often as its attempts say, with one loss point per step (nothing lost, nothing run twice);
 * every ASHA rung record has exactly one decision, ⌊n/η⌋ promoted per rung; every PBT round has one row per member and
 * exactly its bottom quantile exploiting (decisions neither repeated nor forgotten).
 */
class StudyRestartTests {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":16,\"activation\":\"relu\"},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9},\"epochs\":6,\"batchSize\":4,"
      + "\"checkpoint\":{\"keepLast\":50}}";
  private static final String ASHA = "{\"name\":\"asha-restart\",\"base\":" + BASE + ",\"maxConcurrent\":2,"
      + "\"search\":{\"type\":\"random\",\"trials\":6,\"sampleSeed\":3,\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"loguniform\",\"low\":0.0001,\"high\":0.1}}},"
      + "\"scheduler\":{\"type\":\"asha\",\"minEpochs\":1,\"reductionFactor\":2,\"maxEpochs\":4}}";
  private static final String PBT = "{\"name\":\"pbt-restart\",\"base\":" + BASE + ",\"maxConcurrent\":2,"
      + "\"search\":{\"type\":\"random\",\"sampleSeed\":5,\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"loguniform\",\"low\":0.0001,\"high\":0.1}}},"
      + "\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":2,\"quantile\":0.25,"
      + "\"mutations\":{\"/optimizer/lr\":{\"factors\":[0.8,1.25]}}}}";
  private static final String[] ARGS = {"--descent.workers.pool-size=2", "--descent.studies.tick-interval=200ms"};

  private final OwnPostgresService own = new OwnPostgresService();

  @AfterEach
  void cleanUp() throws IOException {
    own.close();
  }

  @Test
  void killDashNineDuringStudiesLosesAndRepeatsNothing() throws Exception {
    EmbeddedPostgres postgres = own.startPostgres(EmbeddedPostgres.builder());
    JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
    ServiceProcess first = start();
    String asha = first.post("/api/v1/studies", ASHA).get("id").asText();
    String pbt = first.post("/api/v1/studies", PBT).get("id").asText();
    await("an ASHA rung record and running trials").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50)).until(() -> count(db, "SELECT count(*) FROM study_rung") > 0
            && count(db, "SELECT count(*) FROM job WHERE status = 'RUNNING' AND study_id IS NOT NULL") > 0);
    first.kill();

    ServiceProcess second = start();
    for (String study : List.of(asha, pbt)) {
      try {
        await("study " + study + " to end").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
            .until(() -> !second.get("/api/v1/studies/" + study).get("status").asText().equals("RUNNING"));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("study " + study + " did not end; its trials: " + trials(db, study), e);
      }
      assertThat(second.get("/api/v1/studies/" + study).get("status").asText()).isEqualTo("SUCCEEDED");
      checkTrials(db, second, study);
    }
    assertThat(count(db, "SELECT count(*) FROM job_event WHERE reason LIKE 'heartbeat lost%'"))
        .as("the kill left running trials behind").isPositive();
    checkAsha(db, asha);
    checkPbt(db, pbt);
  }

  private ServiceProcess start() throws IOException {
    ServiceProcess service = own.launch("postgres", ARGS);
    service.awaitHealthy(Duration.ofMinutes(4));
    return service;
  }

  /** One job per trial, ended once, claimed once per attempt, one loss point per step. */
  private static void checkTrials(JdbcTemplate db, ServiceProcess service, String study) {
    assertThat(count(db, "SELECT count(*) FROM job WHERE study_id = '" + study + "'"))
        .isEqualTo(count(db, "SELECT count(DISTINCT job_id) FROM study_trial WHERE study_id = '" + study + "'"));
    List<Map<String, Object>> jobs = db.queryForList("SELECT j.id, j.status, j.attempt, "
        + "(SELECT count(*) FROM job_event e WHERE e.job_id = j.id AND e.from_status = 'QUEUED' "
        + "AND e.to_status = 'RUNNING') AS claims, "
        + "(SELECT count(*) FROM job_event e WHERE e.job_id = j.id AND e.to_status IN "
        + "('SUCCEEDED', 'FAILED', 'CANCELLED', 'PRUNED')) AS ends "
        + "FROM job j WHERE j.study_id = '" + study + "'");
    for (Map<String, Object> job : jobs) {
      assertThat(job.get("status")).as("job %s", job).isIn("SUCCEEDED", "PRUNED");
      assertThat(((Number) job.get("ends")).longValue()).as("job %s ended once", job).isEqualTo(1);
      assertThat(((Number) job.get("claims")).longValue()).as("job %s: one claim per attempt", job)
          .isEqualTo(((Number) job.get("attempt")).longValue());
      JsonNode read = JobChecks.job(service, job.get("id").toString());
      JobChecks.assertLossOncePerStep(service, read);
    }
    assertThat(count(db, "SELECT count(*) FROM (SELECT 1 FROM metric_point p JOIN job j ON j.id = p.job_id "
        + "WHERE j.study_id = '" + study + "' GROUP BY p.job_id, p.name, p.step HAVING count(*) > 1) d")).isZero();
  }

  /** Every rung record decided once: ⌊n/2⌋ promoted, the rest pruned. */
  private static void checkAsha(JdbcTemplate db, String study) {
    assertThat(count(db, "SELECT count(*) FROM study_rung WHERE study_id = '" + study + "' AND rung = 0"))
        .as("every trial reached rung 0").isEqualTo(6);
    for (Map<String, Object> rung : db.queryForList("SELECT rung, count(*) AS n, "
        + "count(*) FILTER (WHERE decision = 'promoted') AS promoted, count(*) FILTER (WHERE decision IS NULL) "
        + "AS undecided FROM study_rung WHERE study_id = '" + study + "' GROUP BY rung ORDER BY rung")) {
      long n = ((Number) rung.get("n")).longValue();
      assertThat(((Number) rung.get("undecided")).longValue()).as("rung %s forgotten", rung).isZero();
      assertThat(((Number) rung.get("promoted")).longValue()).as("rung %s", rung).isEqualTo(n / 2);
    }
  }

  /** Both rounds decided, one row per member each, exactly one exploit (the bottom quarter of four). */
  private static void checkPbt(JdbcTemplate db, String study) {
    List<Map<String, Object>> rounds = db.queryForList("SELECT round, count(*) AS n, count(DISTINCT trial) AS trials,"
        + " count(source_trial) AS exploits FROM study_pbt_event WHERE study_id = '" + study + "' GROUP BY round "
        + "ORDER BY round");
    assertThat(rounds).extracting(r -> ((Number) r.get("round")).intValue()).containsExactly(1, 2);
    for (Map<String, Object> round : rounds) {
      assertThat(((Number) round.get("n")).longValue()).as("round %s", round).isEqualTo(4);
      assertThat(((Number) round.get("trials")).longValue()).as("round %s", round).isEqualTo(4);
      assertThat(((Number) round.get("exploits")).longValue()).as("round %s", round).isEqualTo(1);
    }
    assertThat(count(db, "SELECT count(*) FROM checkpoint c JOIN study_pbt_event e ON e.new_checkpoint_id = c.id "
        + "WHERE e.study_id = '" + study + "'")).as("the copies were stored with their decisions").isEqualTo(2);
  }

  /** Each trial's job with its status, attempt, objective points and timeline, for a failure message. */
  private static List<Map<String, Object>> trials(JdbcTemplate db, String study) {
    return db.queryForList("SELECT t.trial, j.status, j.attempt, (SELECT count(*) FROM metric_point p "
        + "WHERE p.job_id = j.id AND p.name = 'val_loss') AS points, (SELECT string_agg(e.attempt || ' ' "
        + "|| coalesce(e.from_status, '') || '->' || e.to_status || ' ' || e.reason, '; ' ORDER BY e.id) "
        + "FROM job_event e WHERE e.job_id = j.id) AS timeline FROM study_trial t JOIN job j ON j.id = t.job_id "
        + "WHERE t.study_id = '" + study + "' ORDER BY t.trial");
  }

  private static long count(JdbcTemplate db, String sql) {
    Long n = db.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}
