package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A run's stop reason goes with its finish (the one transition table, no second path) onto the job and its last
 * event; rule firings are timeline events of their own kind that change no status; a rule's pause is a RUNNING →
 * PAUSING move of the claimant only; a resume clears the stop.
 */
class JobStopTests extends QueueTestSupport {
  private static final String SPEC = "{\"epochs\": 3, \"dataset\": {\"name\": \"iris\"}}";
  private static final String DETAIL = "{\"rule\": {\"index\": 1, \"do\": \"stop\"}, \"step\": 24}";

  @Test
  void theStopIsKeptOnTheJobAndItsFinishingEvent() {
    UUID id = claimed();
    JobStop stop = new JobStop(JobStop.RULE, DETAIL, "rule 1 (stop) fired at step 24: train_loss = 0.3");
    assertThat(service.finish(id, "worker-a", JobResult.succeeded(stop))).isTrue();

    JobView done = reader.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.stopReason()).isEqualTo("rule");
    assertThat(done.stopDetailJson()).contains("\"step\": 24");
    JobEventView last = done.timeline().get(done.timeline().size() - 1);
    assertThat(last.to()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(last.reason()).isEqualTo("completed: rule 1 (stop) fired at step 24: train_loss = 0.3");
    assertThat(last.kind()).isEqualTo(JobEventView.STATUS);
    assertThat(last.detailJson()).contains("\"index\": 1");
  }

  @Test
  void aFailureByARuleIsClearedByAResume() {
    UUID id = claimed();
    JobStop stop = new JobStop(JobStop.RULE, DETAIL, "rule 1");
    assertThat(service.finish(id, "worker-a", JobResult.failed("RULE", "rule 1 fired", stop))).isTrue();
    assertThat(reader.find(id).orElseThrow().stopReason()).isEqualTo("rule");

    JobView resumed = service.resume(id, SPEC, 3, "user").orElseThrow();
    assertThat(resumed.stopReason()).isNull();
    assertThat(resumed.stopDetailJson()).isNull();
    assertThat(jdbc.sql("SELECT stop_reason FROM job WHERE id = ?").param(id).query(String.class).optional())
        .isEmpty();
  }

  @Test
  void firingsAreEventsOfTheClaimantThatChangeNoStatus() {
    UUID id = claimed();
    assertThat(queue.annotate(id, "worker-b", "not mine", DETAIL)).isFalse();
    assertThat(queue.annotate(id, "worker-a", "rule 1 (annotate) fired", DETAIL)).isTrue();

    JobView job = reader.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.timeline()).extracting(JobEventView::from, JobEventView::to, JobEventView::kind)
        .containsExactly(tuple(null, JobStatus.QUEUED, "status"), tuple(JobStatus.QUEUED, JobStatus.RUNNING, "status"),
            tuple(JobStatus.RUNNING, JobStatus.RUNNING, "rule"));
    assertThat(job.timeline().get(2).detailJson()).contains("\"step\": 24");
  }

  @Test
  void aRulesPauseIsTheClaimantsRunningToPausing() {
    UUID id = claimed();
    assertThat(service.pauseByRule(id, "worker-b", "paused: rule 1", DETAIL)).isFalse();
    assertThat(service.pauseByRule(id, "worker-a", "paused: rule 1", DETAIL)).isTrue();
    assertThat(service.pauseByRule(id, "worker-a", "again", DETAIL)).as("not RUNNING any more").isFalse();
    assertThat(queue.releasePaused(id, "worker-a", "paused by request")).isTrue();

    JobView paused = reader.find(id).orElseThrow();
    assertThat(paused.status()).isEqualTo(JobStatus.PAUSED);
    assertThat(paused.stopReason()).as("a pause is no end").isNull();
    assertThat(paused.timeline().get(2).reason()).isEqualTo("paused: rule 1");
    assertThat(paused.timeline().get(2).detailJson()).contains("\"index\": 1");
  }

  private UUID claimed() {
    UUID id = service.create(new NewJob("r", SPEC, 0, 3)).id();
    assertThat(queue.claim("worker-a", 1)).extracting(ClaimedJob::id).containsExactly(id);
    return id;
  }
}
