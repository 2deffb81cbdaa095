package dev.descent.persistence.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.ClaimedJob;
import dev.descent.persistence.job.JobEventView;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.JobReader;
import dev.descent.persistence.job.JobResult;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import dev.descent.persistence.job.NewJob;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Studies in PostgreSQL: atomic creation, slots under concurrent tickers, completion, cancel, fair claim order. */
class StudyQueueTests extends PostgresIntegrationTest {
  @Autowired StudyStore store;
  @Autowired StudyQueue studies;
  @Autowired StudyReader reader;
  @Autowired JobQueue queue;
  @Autowired JobService jobs;
  @Autowired JobReader jobReader;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void empty() {
    jdbc.sql("TRUNCATE job, study CASCADE").update();
  }

  @Test
  void creationStoresEverythingOrNothing() {
    UUID id = store.create(study(3, 2));
    StudyView view = reader.find(id).orElseThrow();
    assertThat(view.status()).isEqualTo(StudyStatus.RUNNING);
    assertThat(view.trials()).extracting(StudyTrialView::status).containsOnly(JobStatus.WAITING).hasSize(3);
    assertThat(view.counts()).containsEntry(JobStatus.WAITING, 3);
    assertThat(jobReader.find(view.trials().get(0).jobId()).orElseThrow().studyId()).isEqualTo(id);

    List<NewTrial> twice = List.of(trial(0), trial(0));
    assertThatThrownBy(() -> store.create(new NewStudy("dup", "{}", "val_loss", "min", null, 1, null, twice)))
        .isInstanceOf(RuntimeException.class);
    assertThat(count("SELECT count(*) FROM study")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM job")).isEqualTo(3);
  }

  @Test
  void twoConcurrentTickersNeverQueueMoreThanMaxConcurrent() throws Exception {
    UUID id = store.create(study(24, 3));
    ExecutorService tickers = Executors.newFixedThreadPool(2);
    try {
      int finished = 0;
      while (finished < 24) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> released = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          released.add(tickers.submit(() -> {
            start.await();
            return studies.release().size();
          }));
        }
        start.countDown();
        int total = released.get(0).get() + released.get(1).get();
        assertThat(active(id)).as("active after a tick").isLessThanOrEqualTo(3);
        assertThat(total).isLessThanOrEqualTo(3);
        List<ClaimedJob> claimed = queue.claim("worker", 2);
        for (ClaimedJob job : claimed) {
          jobs.finish(job.id(), "worker", JobResult.succeeded());
          finished++;
        }
      }
    } finally {
      tickers.shutdownNow();
    }
    List<Integer> order = jdbc.sql("SELECT t.trial FROM study_trial t JOIN job j ON j.id = t.job_id "
        + "WHERE t.study_id = :id ORDER BY j.queued_at, t.trial").param("id", id).query(Integer.class).list();
    assertThat(order).isSorted();
    assertThat(studies.complete()).containsExactly(id);
    StudyView done = reader.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(StudyStatus.SUCCEEDED);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(jobReader.find(done.trials().get(0).jobId()).orElseThrow().timeline())
        .extracting(JobEventView::to, JobEventView::reason).first()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple(JobStatus.WAITING, "submitted"));
    assertThat(jobReader.find(done.trials().get(0).jobId()).orElseThrow().timeline().get(1).reason())
        .isEqualTo("study slot");
  }

  @Test
  void theReleaseMovesAWaitingTrialOnlyAndRecordsIt() {
    for (JobStatus status : JobStatus.values()) {
      empty();
      UUID id = store.create(study(1, 5));
      UUID job = reader.find(id).orElseThrow().trials().get(0).jobId();
      jdbc.sql("UPDATE job SET status = :s WHERE id = :id").param("s", status.name()).param("id", job).update();
      boolean moves = JobTransitions.RELEASE_WAITING.allows(status);
      assertThat(studies.release()).as(status.name()).hasSize(moves ? 1 : 0);
      var view = jobReader.find(job).orElseThrow();
      assertThat(view.status()).as(status.name()).isEqualTo(moves ? JobTransitions.RELEASE_WAITING.target() : status);
      assertThat(view.timeline()).as(status.name()).hasSize(moves ? 2 : 1);
      assertThat(view.timeline().get(view.timeline().size() - 1).from()).isEqualTo(moves ? status : null);
    }
    assertThat(JobTransitions.RELEASE_WAITING.sources()).containsExactly(JobStatus.WAITING);
  }

  @Test
  void aStudyWithUnfinishedJobsIsNotComplete() {
    UUID id = store.create(study(2, 2));
    studies.release();
    queue.claim("worker", 1).forEach(j -> jobs.finish(j.id(), "worker", JobResult.failed("X", "boom")));
    assertThat(studies.complete()).isEmpty();
    queue.claim("worker", 1).forEach(j -> jobs.finish(j.id(), "worker", JobResult.succeeded()));
    assertThat(studies.complete()).containsExactly(id);
    assertThat(studies.complete()).isEmpty();
  }

  @Test
  void cancelStopsEveryUnfinishedTrialAndReleasesNoMore() {
    UUID id = store.create(study(5, 2));
    studies.release();
    UUID running = queue.claim("worker", 1).get(0).id();
    assertThat(store.cancel(id, "study cancelled")).isTrue();
    assertThat(store.cancel(UUID.randomUUID(), "none")).isFalse();
    assertThat(studies.release()).isEmpty();
    StudyView view = reader.find(id).orElseThrow();
    assertThat(view.status()).isEqualTo(StudyStatus.CANCELLED);
    assertThat(view.counts()).containsEntry(JobStatus.CANCELLING, 1).containsEntry(JobStatus.CANCELLED, 4);
    assertThat(jobReader.find(running).orElseThrow().status()).isEqualTo(JobStatus.CANCELLING);
    jobs.finish(running, "worker", JobResult.cancelled());
    assertThat(studies.complete()).as("a cancelled study stays cancelled").isEmpty();
  }

  @Test
  void aTrialReleasedAfterASingleJobWasSubmittedQueuesBehindIt() {
    UUID id = store.create(study(1, 1));
    UUID single = jobs.create(new NewJob("single", "{\"epochs\": 1}", 0, 3)).id();
    UUID trial = studies.release().get(0);
    assertThat(jobReader.find(trial).orElseThrow().createdAt())
        .isBefore(jobReader.find(single).orElseThrow().createdAt());
    assertThat(queue.claim("worker", 2)).extracting(ClaimedJob::id).containsExactly(single, trial);
    assertThat(jobReader.list(List.of(), id, 0, 10, false).items()).extracting(j -> j.id()).containsExactly(trial);
  }

  private int active(UUID id) {
    return count("SELECT count(*) FROM job WHERE study_id = '" + id + "' AND status IN ('QUEUED', 'RUNNING')");
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private static NewStudy study(int trials, int maxConcurrent) {
    return new NewStudy("s", "{}", "val_loss", "min", null, maxConcurrent, null,
        IntStream.range(0, trials).mapToObj(StudyQueueTests::trial).toList());
  }

  private static NewTrial trial(int i) {
    return new NewTrial(i, "arm", 0, 1, "{\"/x\": " + i + "}", "s/arm/seed=" + i, "{\"epochs\": 1}", 0, 3);
  }
}
