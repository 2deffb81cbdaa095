package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pause and unpause through the service and the queue: no attempt used up, the job's place kept. */
class JobQueuePauseTests extends QueueTestSupport {

  @Test
  void aRunningJobPausesThroughItsWorkerWithoutUsingUpAnAttemptAndKeepsItsPlace() {
    UUID paused = submit();
    assertThat(queue.claim("worker-a", 1)).extracting(ClaimedJob::id).containsExactly(paused);
    UUID younger = submit();

    assertThat(service.pause(paused, "user").orElseThrow().status()).isEqualTo(JobStatus.PAUSING);
    assertThat(service.pause(paused, "user").orElseThrow().status()).as("asked already").isEqualTo(JobStatus.PAUSING);
    assertThat(queue.heartbeat(paused, "worker-a", PROGRESS, Map.of())).isEqualTo(HeartbeatResult.PAUSE_REQUESTED);
    assertThat(queue.releasePaused(paused, "worker-b", "paused")).as("not the claimant").isFalse();
    assertThat(queue.releasePaused(paused, "worker-a", "paused")).isTrue();

    JobView view = reader.find(paused).orElseThrow();
    assertThat(view.status()).isEqualTo(JobStatus.PAUSED);
    assertThat(view.claimedBy()).isNull();
    assertThat(view.maxAttempts()).as("a pause uses up no attempt").isEqualTo(4);
    assertThatThrownBy(() -> service.unpause(younger, "user")).isInstanceOf(IllegalTransitionException.class);

    assertThat(service.unpause(paused, "user").orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    assertThat(queue.claim("worker-b", 1)).as("older, so first").extracting(ClaimedJob::id, ClaimedJob::attempt)
        .containsExactly(tuple(paused, 2));
    assertThat(reader.find(paused).orElseThrow().timeline()).extracting(JobEventView::to).containsExactly(
        JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSING, JobStatus.PAUSED, JobStatus.QUEUED, JobStatus.RUNNING);
  }

  @Test
  void aQueuedJobPausesAtOnceAndIsNotClaimed() {
    UUID id = submit();

    assertThat(service.pause(id, "user").orElseThrow().status()).isEqualTo(JobStatus.PAUSED);
    assertThat(queue.claim("worker-a", 1)).isEmpty();
    assertThat(reader.find(id).orElseThrow().attempt()).isZero();
  }

  @Test
  void aFinishedJobRefusesToPauseAndAStalePausingJobIsReapedAsPaused() {
    UUID id = submit();
    service.cancel(id, "user");
    assertThatThrownBy(() -> service.pause(id, "user")).isInstanceOf(IllegalTransitionException.class);

    UUID stale = submit();
    queue.claim("worker-a", 1);
    service.pause(stale, "user");
    jdbc.sql("UPDATE job SET heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = ?").param(stale).update();
    assertThat(queue.reap(Duration.ofMinutes(1)).paused()).containsExactly(stale);
    assertThat(reader.find(stale).orElseThrow().status()).isEqualTo(JobStatus.PAUSED);
  }

  private UUID submit() {
    return service.create(new NewJob("job", "{\"epochs\": 4}", 0, 3)).id();
  }
}
