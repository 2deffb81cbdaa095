package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.descent.persistence.PostgresIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobServiceTests extends PostgresIntegrationTest {

  private static final String SPEC = "{\"epochs\": 3, \"dataset\": {\"name\": \"iris\"}}";

  @Autowired JobService service;
  @Autowired JobReader reader;
  @Autowired JobQueue queue;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyQueue() {
    jdbc.sql("TRUNCATE job CASCADE").update();
  }

  @Test
  void createdJobIsQueuedWithItsSubmissionEventAndSpecAsJsonb() {
    JobView created = service.create(new NewJob("iris", SPEC, 2, 3));

    JobView found = reader.find(created.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(found.attempt()).isZero();
    assertThat(found.priority()).isEqualTo(2);
    assertThat(found.createdAt()).isEqualTo(created.createdAt());
    assertThat(found.timeline())
        .extracting(JobEventView::from, JobEventView::to, JobEventView::reason)
        .containsExactly(tuple(null, JobStatus.QUEUED, "submitted"));
    String epochs =
        jdbc.sql("SELECT spec -> 'epochs' FROM job WHERE id = ?").param(created.id()).query(String.class).single();
    assertThat(epochs).isEqualTo("3");
  }

  @Test
  void unknownJobIsEmpty() {
    assertThat(reader.find(UUID.randomUUID())).isEmpty();
    assertThat(service.cancel(UUID.randomUUID(), "user")).isEmpty();
  }

  @Test
  void cancellingAQueuedJobCancelsItAtOnce() {
    UUID id = service.create(new NewJob("q", SPEC, 0, 3)).id();

    JobView cancelled = service.cancel(id, "user request").orElseThrow();

    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(cancelled.timeline())
        .extracting(JobEventView::to)
        .containsExactly(JobStatus.QUEUED, JobStatus.CANCELLED);
    assertThatThrownBy(() -> service.cancel(id, "again")).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void cancellingARunningJobAsksItsWorkerWhichFinishesItCancelled() {
    UUID id = service.create(new NewJob("r", SPEC, 0, 3)).id();
    assertThat(queue.claim("worker-a", 1)).extracting(ClaimedJob::id).containsExactly(id);
    JobProgress progress = new JobProgress(0, 3, 5, 30, 5 / 30.0);

    assertThat(service.cancel(id, "user request").orElseThrow().status()).isEqualTo(JobStatus.CANCELLING);
    assertThat(service.cancel(id, "twice").orElseThrow().status()).isEqualTo(JobStatus.CANCELLING);
    assertThat(queue.heartbeat(id, "worker-a", progress, Map.of())).isEqualTo(HeartbeatResult.CANCEL_REQUESTED);
    assertThat(service.finish(id, "worker-b", JobResult.cancelled())).isFalse();
    assertThat(service.finish(id, "worker-a", JobResult.cancelled())).isTrue();

    JobView done = reader.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.timeline())
        .extracting(JobEventView::to)
        .containsExactly(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.CANCELLING, JobStatus.CANCELLED);
    assertThat(done.timeline()).extracting(JobEventView::attempt).containsExactly(0, 1, 1, 1);
  }

  @Test
  void onlyTheClaimantFinishesAJobAndTheFailureIsKept() {
    UUID id = service.create(new NewJob("f", SPEC, 0, 3)).id();
    queue.claim("worker-a", 1);

    assertThat(service.finish(id, "worker-b", JobResult.succeeded())).isFalse();
    assertThat(service.finish(id, "worker-a", JobResult.failed("DIVERGED", "loss is NaN at step 7"))).isTrue();
    assertThat(service.finish(id, "worker-a", JobResult.succeeded())).isFalse();

    JobView failed = reader.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.failureCode()).isEqualTo("DIVERGED");
    assertThat(failed.failureMessage()).isEqualTo("loss is NaN at step 7");
    assertThat(failed.timeline().get(2).reason()).isEqualTo("DIVERGED: loss is NaN at step 7");
  }

  @Test
  void listIsNewestFirstFilteredByStatusWithTotal() {
    List<UUID> ids =
        List.of(
            service.create(new NewJob("l1", SPEC, 0, 3)).id(),
            service.create(new NewJob("l2", SPEC, 0, 3)).id(),
            service.create(new NewJob("l3", SPEC, 0, 3)).id());
    service.cancel(ids.get(1), "user");

    JobPage all = reader.list(List.of(), 0, 2, true);
    JobPage cancelled = reader.list(List.of(JobStatus.CANCELLED), 0, 100, false);

    assertThat(all.items()).extracting(JobView::id).containsExactly(ids.get(2), ids.get(1));
    assertThat(all.totalElements()).isEqualTo(3);
    assertThat(all.size()).isEqualTo(2);
    assertThat(cancelled.items()).extracting(JobView::id).containsExactly(ids.get(1));
    assertThat(cancelled.totalElements()).isEqualTo(1);
    assertThat(reader.list(List.of(), 1, 2, false).items()).extracting(JobView::id).containsExactly(ids.get(0));
    JobPage pastTheEnd = reader.list(List.of(JobStatus.CANCELLED), 5, 100, false);
    assertThat(pastTheEnd.items()).isEmpty();
    assertThat(pastTheEnd.totalElements()).isEqualTo(1);
  }

  @Test
  void theSqlReadsAgreeWithTheEntityAndSummariesLeaveOutSpecAndTimeline() {
    UUID id = service.create(new NewJob("s", SPEC, 0, 3)).id();
    queue.claim("worker-s", 1);
    queue.heartbeat(id, "worker-s", new JobProgress(1, 3, 10, 30, 0.25), Map.of("loss", 0.5, "lr", Double.NaN));
    JobView fromEntity = service.cancel(id, "user").orElseThrow();

    JobView found = reader.find(id).orElseThrow();
    assertThat(found).isEqualTo(fromEntity);
    assertThat(found.lastClaimAt()).isEqualTo(found.timeline().get(1).at());
    assertThat(found.latestMetrics()).containsEntry("loss", 0.5).containsKey("lr");
    assertThat(reader.list(List.of(), 0, 10, true).items()).containsExactly(fromEntity);

    JobView summary = reader.list(List.of(JobStatus.CANCELLING), 0, 10, false).items().get(0);
    assertThat(summary.specJson()).isNull();
    assertThat(summary.timeline()).isEmpty();
    assertThat(summary).usingRecursiveComparison().ignoringFields("specJson", "timeline")
        .withEqualsForType(Double::equals, Double.class).isEqualTo(found);
  }
}
