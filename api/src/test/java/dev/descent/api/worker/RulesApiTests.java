package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job's rules through the API with real training and PostgreSQL: stop (SUCCEEDED, stopReason rule), fail (FAILED,
 * code RULE), pause (PAUSED where it fired; unpaused, it ends bit-identical to an uninterrupted run), checkpoint (a
 * {@code rule} checkpoint at the firing step), annotate (a timeline event only), and bad rules refused as problems.
 */
class RulesApiTests extends ApiTestBase {
  /** Never fires on a healthy run: rule 0 of the specs, so that the rule under test is rule 1. */
  private static final String QUIET = "{\"when\": {\"metric\": \"loss\", \"test\": \"nonfinite\"}, \"do\": \"fail\"}";

  @Test
  void aStopRuleEndsTheJobSucceededWithTheRuleAsItsStopReason() {
    String id = submit(iris(60, "{\"when\": {\"metric\": \"train_loss\", \"test\": \"<\", \"value\": 100, "
        + "\"for\": 3}, \"do\": \"stop\"}"));
    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("stopReason").asText()).isEqualTo("rule");
    JsonNode detail = job.get("stopDetail");
    assertThat(detail.get("rule").get("index").asInt()).isEqualTo(1);
    assertThat(detail.get("rule").get("do").asText()).isEqualTo("stop");
    assertThat(detail.get("rule").get("when").get("for").asInt()).isEqualTo(3);
    assertThat(detail.get("step").asLong()).as("3 epochs of 8 updates").isEqualTo(24);
    assertThat(job.get("progress").get("iteration").asLong()).isEqualTo(24);
    assertThat(checkpoints(id)).contains("final@24");
    JsonNode last = last(job.get("timeline"));
    assertThat(last.get("to").asText()).isEqualTo("SUCCEEDED");
    assertThat(last.get("reason").asText()).contains("rule 1 (stop) fired at step 24");
    assertThat(last.get("detail").get("step").asLong()).isEqualTo(24);
    assertThat(ruleEvents(job)).hasSize(1);
  }

  @Test
  void aFailRuleEndsTheJobFailedNamingTheRule() {
    String id = submit(iris(60, "{\"when\": {\"metric\": \"grad_norm\", \"test\": \">=\", \"value\": 0}, "
        + "\"do\": \"fail\"}"));
    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("FAILED");
    assertThat(job.get("failure").get("code").asText()).isEqualTo("RULE");
    assertThat(job.get("failure").get("message").asText()).startsWith("rule 1 {\"when\":{\"metric\":\"grad_norm\"")
        .contains("fired at step 1");
    assertThat(job.get("stopReason").asText()).isEqualTo("rule");
    assertThat(job.get("stopDetail").get("rule").get("index").asInt()).isEqualTo(1);
  }

  @Test
  void aPauseRuleEndsPausedWhereItFiredAndUnpausedTheJobEndsAsIfUninterrupted() {
    String pause = "{\"when\": {\"metric\": \"lr\", \"test\": \">\", \"value\": 0, \"for\": 45}, \"do\": \"pause\"}";
    String spec = digits(pause);
    String id = submit(spec);
    JsonNode paused = awaitStatus(id, Duration.ofMinutes(2), "PAUSED", "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(paused.get("status").asText()).as(paused.toString()).isEqualTo("PAUSED");
    assertThat(paused.get("progress").get("iteration").asLong()).as("mid-epoch, where it fired").isEqualTo(45);
    assertThat(checkpoints(id)).contains("periodic@45");
    List<String> moves = JobChecks.timeline(reads(), id);
    assertThat(moves).anyMatch(m -> m.startsWith("RUNNING->PAUSING: paused: rule 1 (pause) fired at step 45"));
    assertThat(moves).anyMatch(m -> m.startsWith("PAUSING->PAUSED"));
    assertThat(ruleEvents(paused)).hasSize(1);

    Http.Response unpaused = http().post("/api/v1/jobs/" + id + "/unpause", "");
    assertThat(unpaused.status()).as(unpaused.text()).isEqualTo(200);
    JobChecks.assertFinishedAsIfUninterrupted(reads(), id, digits(pause.replace("pause", "annotate")));
    JsonNode done = http().get("/api/v1/jobs/" + id).json();
    assertThat(done.get("stopReason").isNull()).as("ran to its end").isTrue();
    assertThat(ruleEvents(done)).as("the rule stayed quiet after the resume").hasSize(1);
  }

  /**
   * The window a {@code kill -9} can hit: the pause's checkpoint is stored (its rule disarmed in it), but the worker
   * is lost before the job moves to PAUSING, so the reaper puts it back in the queue. The job's history is made that
   * way here (the pause's moves removed, the reaper's requeue written as the reaper writes it, and no progress stored,
   * as when the kill comes before the first heartbeat); the next attempt resumes from that checkpoint and must pause
   * there again at once, not train on past the pause, and show where it paused.
   */
  @Test
  void aPauseLostWithItsWorkerIsTakenAgainWhereItFired() {
    String pause = "{\"when\": {\"metric\": \"lr\", \"test\": \">\", \"value\": 0, \"for\": 45}, "
        + "\"do\": \"pause\"}";
    String id = submit(digits(pause));
    JsonNode paused = awaitStatus(id, Duration.ofMinutes(2), "PAUSED", "SUCCEEDED", "FAILED", "CANCELLED");
    assertThat(paused.get("status").asText()).as(paused.toString()).isEqualTo("PAUSED");
    UUID job = UUID.fromString(id);
    jdbc.update("DELETE FROM job_event WHERE job_id = ? AND to_status IN ('PAUSING', 'PAUSED')", job);
    jdbc.update("UPDATE job SET status = 'QUEUED', version = version + 1, claimed_by = NULL, heartbeat_at = NULL, "
        + "queued_at = now(), epoch = 0, iteration = 0, fraction = 0 WHERE id = ?", job); // no progress stored yet
    jdbc.update("INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason) "
        + "VALUES (?, now(), 1, 'RUNNING', 'QUEUED', 'heartbeat lost from a killed worker')", job);
    JsonNode again = awaitJob(id, Duration.ofMinutes(2), "the second attempt to end",
        j -> j.get("attempt").asInt() == 2 && List.of("PAUSED", "SUCCEEDED", "FAILED", "CANCELLED")
            .contains(j.get("status").asText()));
    assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("PAUSED");
    assertThat(again.get("progress").get("iteration").asLong()).as("where it fired, no update since").isEqualTo(45);
    assertThat(JobChecks.timeline(reads(), id))
        .anyMatch(m -> m.startsWith("RUNNING->PAUSING: paused: rule 1 (pause) fired at step 45"));
    assertThat(jdbc.queryForObject("SELECT max(step) FROM metric_point WHERE job_id = ? AND name = 'loss'",
        Long.class, job)).isEqualTo(45);
    assertThat(checkpoints(id)).containsExactly("periodic@45");

    Http.Response unpaused = http().post("/api/v1/jobs/" + id + "/unpause", "");
    assertThat(unpaused.status()).as(unpaused.text()).isEqualTo(200);
    JobChecks.assertFinishedAsIfUninterrupted(reads(), id, digits(pause.replace("pause", "annotate")));
  }

  @Test
  void aCheckpointRuleStoresOneAtTheFiringStepAndAnAnnotateRuleOnlyAddsAnEvent() {
    String id = submit(iris(10, "{\"when\": {\"metric\": \"lr\", \"test\": \">\", \"value\": 0, \"for\": 20}, "
        + "\"do\": \"checkpoint\"}, {\"when\": {\"metric\": \"val_loss\", \"test\": \"<\", \"value\": 100}, "
        + "\"do\": \"annotate\"}"));
    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("stopReason").isNull()).isTrue();
    assertThat(checkpoints(id)).contains("rule@20", "final@80");
    List<JsonNode> fired = ruleEvents(job);
    assertThat(fired).hasSize(2);
    assertThat(fired.get(0).get("detail").get("rule").get("index").asInt()).isEqualTo(2);
    assertThat(fired.get(0).get("detail").get("step").asLong()).as("the first epoch's end").isEqualTo(8);
    assertThat(fired.get(0).get("reason").asText()).startsWith("rule 2 ");
    assertThat(fired.get(0).get("from").asText()).isEqualTo("RUNNING");
    assertThat(fired.get(1).get("detail").get("rule").get("index").asInt()).isEqualTo(1);
    assertThat(fired.get(1).get("detail").get("step").asLong()).isEqualTo(20);
  }

  @Test
  void badRulesAreProblemsNamingTheFieldAndNothingIsStored() {
    long before = jobRows();
    Http.Response response = http().post("/api/v1/jobs", iris(5, "{\"when\": {\"metric\": \"loss\", "
        + "\"test\": \">\"}, \"do\": \"stop\"}, {\"when\": {\"metric\": \"loss\", \"test\": \"~\", \"for\": 0}, "
        + "\"do\": \"explode\", \"x\": 1}"));
    assertThat(response.status()).as(response.text()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder(
        "/rules/1/when/value", "/rules/2/x", "/rules/2/when/test", "/rules/2/when/for", "/rules/2/do");
    assertThat(jobRows()).isEqualTo(before);
  }

  /** The iris example with {@code epochs} and the rules {@link #QUIET} and {@code rules}. */
  private static String iris(int epochs, String rules) {
    return Http.example("iris-mlp").replace("\"epochs\": 60", "\"epochs\": " + epochs)
        .replace("\"maxAttempts\": 3", "\"maxAttempts\": 3, \"rules\": [" + QUIET + ", " + rules + "]");
  }

  /** The digits spec of the fault tests (90 updates an epoch), 3 epochs, with the rules {@link #QUIET} and one. */
  private static String digits(String rule) {
    String spec = JobChecks.digitsSpec(3);
    return spec.substring(0, spec.length() - 1) + ",\"rules\":[" + QUIET + "," + rule + "]}";
  }

  private String submit(String spec) {
    Http.Response created = http().post("/api/v1/jobs", spec);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** The job's checkpoints as "kind@step". */
  private List<String> checkpoints(String id) {
    List<String> out = new ArrayList<>();
    http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items")
        .forEach(c -> out.add(c.get("kind").asText() + "@" + c.get("step").asLong()));
    return out;
  }

  private static List<JsonNode> ruleEvents(JsonNode job) {
    List<JsonNode> out = new ArrayList<>();
    job.get("timeline").forEach(e -> {
      if ("rule".equals(e.path("kind").asText())) {
        out.add(e);
      }
    });
    return out;
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private JobChecks.Reads reads() {
    return JobChecks.over(this::http);
  }
}
