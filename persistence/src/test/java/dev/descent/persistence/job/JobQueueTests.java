package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobQueueTests extends QueueTestSupport {

  private static final Duration STALE = Duration.ofMinutes(1);

  @Test
  void claimTakesHighestPriorityThenOldestAndRecordsTheAttempt() {
    UUID oldLow = submit(0, 3);
    UUID high = submit(5, 3);
    submit(0, 3);

    List<ClaimedJob> claimed = queue.claim("worker-a", 2);

    assertThat(claimed).extracting(ClaimedJob::id).containsExactly(high, oldLow);
    assertThat(claimed).extracting(ClaimedJob::attempt).containsOnly(1);
    assertThat(claimed.get(0).specJson()).contains("\"epochs\"");
    JobView running = reader.find(high).orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.claimedBy()).isEqualTo("worker-a");
    assertThat(running.startedAt()).isNotNull();
    assertThat(running.timeline().get(1))
        .isEqualTo(new JobEventView(running.timeline().get(1).at(), 1, JobStatus.QUEUED, JobStatus.RUNNING,
            "claimed by worker-a"));
    assertThat(queue.claim("worker-b", 5)).hasSize(1);
    assertThat(queue.claim("worker-b", 5)).isEmpty();
    assertThat(queue.claim("worker-b", 0)).isEmpty();
  }

  @Test
  void heartbeatStoresProgressAndMergesMetricsForTheClaimantOnly() {
    UUID id = submitAndClaim("worker-a", 3);

    HeartbeatResult first = queue.heartbeat(id, "worker-a", PROGRESS, Map.of("loss", 0.5, "lr", 0.01));
    HeartbeatResult second =
        queue.heartbeat(id, "worker-a", PROGRESS, Map.of("loss", Double.NaN, "grad_norm", Double.POSITIVE_INFINITY));
    HeartbeatResult stranger = queue.heartbeat(id, "worker-b", new JobProgress(0, 4, 1, 40, 0), Map.of("loss", 9.0));

    assertThat(first).isEqualTo(HeartbeatResult.CONTINUE);
    assertThat(second).isEqualTo(HeartbeatResult.CONTINUE);
    assertThat(stranger).isEqualTo(HeartbeatResult.LOST);
    JobView job = reader.find(id).orElseThrow();
    assertThat(job.progress()).isEqualTo(PROGRESS);
    assertThat(job.latestMetrics())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("loss", Double.NaN, "lr", 0.01, "grad_norm", Double.POSITIVE_INFINITY));
    assertThat(queue.heartbeat(UUID.randomUUID(), "worker-a", PROGRESS, Map.of())).isEqualTo(HeartbeatResult.LOST);
  }

  @Test
  void aFinishedJobNoLongerAcceptsHeartbeats() {
    UUID id = submitAndClaim("worker-a", 3);
    service.finish(id, "worker-a", JobResult.succeeded());

    assertThat(queue.heartbeat(id, "worker-a", PROGRESS, Map.of())).isEqualTo(HeartbeatResult.LOST);
  }

  @Test
  void theReaperRequeuesAStaleJobAndTheNextClaimCountsTheAttemptUp() {
    UUID id = submitAndClaim("worker-a", 3);
    UUID fresh = submitAndClaim("worker-c", 3);
    backdateHeartbeat(id);

    ReapResult reaped = queue.reap(STALE);

    assertThat(reaped.requeued()).containsExactly(id);
    assertThat(reaped.total()).isEqualTo(1);
    JobView requeued = reader.find(id).orElseThrow();
    assertThat(requeued.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(requeued.claimedBy()).isNull();
    assertThat(requeued.attempt()).isEqualTo(1);
    assertThat(requeued.timeline().get(2).reason()).isEqualTo("heartbeat lost from worker-a");
    assertThat(reader.find(fresh).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(queue.heartbeat(id, "worker-a", PROGRESS, Map.of())).isEqualTo(HeartbeatResult.LOST);
    assertThat(service.finish(id, "worker-a", JobResult.succeeded())).isFalse();
    assertThat(queue.claim("worker-b", 1)).extracting(ClaimedJob::id, ClaimedJob::attempt)
        .containsExactly(tuple(id, 2));
  }

  @Test
  void theReaperFailsAJobThatUsedAllItsAttempts() {
    UUID id = submitAndClaim("worker-a", 2);
    backdateHeartbeat(id);
    queue.reap(STALE);
    queue.claim("worker-b", 1);
    backdateHeartbeat(id);

    ReapResult reaped = queue.reap(STALE);

    assertThat(reaped.failed()).containsExactly(id);
    JobView failed = reader.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.failureCode()).isEqualTo(FailureCodes.MAX_ATTEMPTS);
    assertThat(failed.failureMessage()).isEqualTo("heartbeat lost from worker-b in attempt 2 of 2");
    assertThat(failed.finishedAt()).isNotNull();
    assertThat(failed.timeline()).extracting(JobEventView::to)
        .containsExactly(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.FAILED);
    assertThat(queue.claim("worker-c", 1)).isEmpty();
  }

  @Test
  void theReaperCancelsAStaleCancellingJob() {
    UUID id = submitAndClaim("worker-a", 3);
    service.cancel(id, "user");
    backdateHeartbeat(id);

    assertThat(queue.reap(STALE).cancelled()).containsExactly(id);
    JobView cancelled = reader.find(id).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(cancelled.failureCode()).isNull();
  }

  @Test
  void releaseRequeuesTheClaimantsRunningJobWithAnEventAndTheNextClaimCountsUp() {
    UUID id = submitAndClaim("worker-a", 3);

    assertThat(queue.release(id, "worker-b", "drained")).as("not the claimant").isFalse();
    assertThat(queue.release(id, "worker-a", "drained: service stopping")).isTrue();
    assertThat(queue.release(id, "worker-a", "drained: service stopping")).as("no longer running").isFalse();

    JobView queued = reader.find(id).orElseThrow();
    assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(queued.claimedBy()).isNull();
    assertThat(queued.maxAttempts()).as("a release uses up no attempt").isEqualTo(4);
    assertThat(queued.timeline()).last().extracting(JobEventView::from, JobEventView::to, JobEventView::reason)
        .containsExactly(JobStatus.RUNNING, JobStatus.QUEUED, "drained: service stopping");
    assertThat(queue.heartbeat(id, "worker-a", PROGRESS, Map.of())).isEqualTo(HeartbeatResult.LOST);
    assertThat(queue.claim("worker-b", 1)).extracting(ClaimedJob::attempt).containsExactly(2);
  }

  private UUID submit(int priority, int maxAttempts) {
    return service.create(new NewJob("job", "{\"epochs\": 4}", priority, maxAttempts)).id();
  }

  private UUID submitAndClaim(String workerId, int maxAttempts) {
    UUID id = submit(0, maxAttempts);
    assertThat(queue.claim(workerId, 1)).extracting(ClaimedJob::id).containsExactly(id);
    return id;
  }

  private void backdateHeartbeat(UUID id) {
    jdbc.sql("UPDATE job SET heartbeat_at = heartbeat_at - interval '1 hour' WHERE id = ?").param(id).update();
  }
}
