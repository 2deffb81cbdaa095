package dev.descent.persistence.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

/**
 * Studies in PostgreSQL: atomic creation, slots under concurrent tickers, completion, cancel, fair claim order, and
 * ASHA's decisions (recorded once, written once with their job's move, promoted trials released first).
 */
class StudyQueueTests extends PostgresIntegrationTest {
  @Autowired StudyStore store;
  @Autowired StudyQueue studies;
  @Autowired AshaStore asha;
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
  void ashaMovesOnlyFromTheTablesSourcesAndRecordsIt() {
    for (JobTransitions move : List.of(JobTransitions.PROMOTE, JobTransitions.PRUNE)) {
      for (JobStatus status : JobStatus.values()) {
        empty();
        UUID job = reader.find(store.create(study(1, 5))).orElseThrow().trials().get(0).jobId();
        jdbc.sql("UPDATE job SET status = :s WHERE id = :id").param("s", status.name()).param("id", job).update();
        boolean moves = move.allows(status);
        String what = move + " from " + status;
        assertThat(asha.move(job, move, "asha", java.sql.Timestamp.from(java.time.Instant.now()))).as(what)
            .isEqualTo(moves);
        var view = jobReader.find(job).orElseThrow();
        assertThat(view.status()).as(what).isEqualTo(moves ? move.target() : status);
        assertThat(view.timeline()).as(what).hasSize(moves ? 2 : 1);
        assertThat(view.finishedAt() != null).as(what).isEqualTo(moves && move.target().isTerminal());
      }
    }
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

  @Test
  void ashaDecidesOnceWhenEveryTrialHasReportedAndPromotedTrialsWaitForASlotFirst() {
    UUID id = store.create(ashaStudy(4));
    List<UUID> trialJobs = reader.find(id).orElseThrow().trials().stream().map(StudyTrialView::jobId).toList();
    pausedAt(trialJobs.get(0), 0.9);
    pausedAt(trialJobs.get(1), 0.3);
    pausedAt(trialJobs.get(2), 0.5, 0.4);
    assertThat(asha.tick()).as("trial 2 is paused between rungs, trial 3 not started: ⌊2/3⌋ = 0").isEmpty();
    pausedAt(trialJobs.get(3), 0.7);
    jdbc.sql("UPDATE job SET status = 'FAILED' WHERE id = :id").param("id", trialJobs.get(2)).update();
    assertThat(asha.tick()).containsExactlyInAnyOrder(new AshaRule.Decision(1, 0, AshaRule.PROMOTED),
        new AshaRule.Decision(0, 0, AshaRule.PRUNED), new AshaRule.Decision(3, 0, AshaRule.PRUNED));
    assertThat(asha.tick()).as("nothing is decided twice").isEmpty();
    assertThat(jobReader.find(trialJobs.get(1)).orElseThrow().status()).isEqualTo(JobStatus.WAITING);
    assertThat(jobReader.find(trialJobs.get(0)).orElseThrow().status()).isEqualTo(JobStatus.PRUNED);
    assertThat(jobReader.find(trialJobs.get(0)).orElseThrow().finishedAt()).isNotNull();
    assertThat(reader.rungs(id)).extracting(RungView::trial, RungView::value, RungView::decision)
        .containsExactly(tuple(0, 0.9, "pruned"), tuple(1, 0.3, "promoted"), tuple(3, 0.7, "pruned"));
    assertThat(jdbc.sql("SELECT count(*) FROM job_event WHERE reason LIKE 'asha:%'").query(Integer.class).single())
        .isEqualTo(3);
    jdbc.sql("UPDATE job SET status = 'WAITING' WHERE id = :id").param("id", trialJobs.get(3)).update();
    assertThat(studies.release()).as("the promoted trial first, before trial 3").containsExactly(trialJobs.get(1));
  }

  private void pausedAt(UUID job, double... values) {
    jdbc.sql("UPDATE job SET status = 'PAUSED' WHERE id = :id").param("id", job).update();
    for (int i = 0; i < values.length; i++) {
      jdbc.sql("INSERT INTO metric_point (job_id, name, step, attempt, epoch, value) VALUES (:id, 'val_loss', :step,"
          + " 1, :epoch, :value)").param("id", job).param("step", 10L * (i + 1)).param("epoch", i + 1)
          .param("value", values[i]).update();
    }
  }

  private static NewStudy ashaStudy(int trials) {
    return new NewStudy("s", "{}", "val_loss", "min", null, 1, "grid",
        IntStream.range(0, trials).mapToObj(i -> new NewTrial(i, null, i, 1, "{}", "s/p" + i, "{\"epochs\": 9}", 0,
            3)).toList(), new AshaParams(1, 3, 9));
  }
}
