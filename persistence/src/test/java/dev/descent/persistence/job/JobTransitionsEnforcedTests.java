package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.descent.persistence.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every status × transition through the code that performs it (the entity's guarded methods or the queue's SQL): an
 * allowed one moves the job to the table's target and records the event, any other leaves the job as it was.
 */
class JobTransitionsEnforcedTests extends PostgresIntegrationTest {

  private static final String WORKER = "worker-1";
  private static final JobProgress PROGRESS = new JobProgress(0, 1, 0, 1, 0.0);

  @Autowired JobService service;
  @Autowired JobQueue queue;
  @Autowired JobReader reader;
  @Autowired JobRepository jobs;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** The entity's guarded method for each transition a user or a finishing worker takes. */
  private static final Map<JobTransitions, BiConsumer<TrainingJob, Instant>> ENTITY_MOVES =
      Map.of(
          JobTransitions.REQUEST_CANCEL, (job, at) -> job.requestCancel(at, "user"),
          JobTransitions.REQUEST_PAUSE, (job, at) -> job.requestPause(at, "user"),
          JobTransitions.PAUSE, (job, at) -> job.pause(at, "user"),
          JobTransitions.UNPAUSE, (job, at) -> job.unpause(at, "user"),
          JobTransitions.CANCEL, (job, at) -> job.markCancelled(at, "user"),
          JobTransitions.SUCCEED, (job, at) -> job.markSucceeded(at),
          JobTransitions.FAIL, (job, at) -> job.markFailed("ERROR", "boom", at),
          JobTransitions.RESUME, (job, at) -> job.resume("{}", 3, at, "resumed"));

  /** The transitions persistence.study's ticker takes (StudyQueueTests checks them from every status). */
  private static final Set<JobTransitions> ELSEWHERE =
      EnumSet.of(JobTransitions.RELEASE_WAITING, JobTransitions.PROMOTE, JobTransitions.PRUNE);

  /** The queue's statement for each transition only SQL takes. */
  private Map<JobTransitions, Consumer<UUID>> sqlMoves() {
    return Map.of(
        JobTransitions.CLAIM, id -> queue.claim(WORKER, 10),
        JobTransitions.REQUEUE, id -> queue.release(id, WORKER, "drained"),
        JobTransitions.RELEASE_PAUSED, id -> queue.releasePaused(id, WORKER, "paused"));
  }

  @TestFactory
  List<DynamicTest> everyStatusAndTransitionIsAllowedOrRefusedByTheTable() {
    JobTransitions[] here = Arrays.stream(JobTransitions.values()).filter(t -> !ELSEWHERE.contains(t))
        .toArray(JobTransitions[]::new);
    assertThat(ENTITY_MOVES.size() + sqlMoves().size()).isEqualTo(here.length);
    return everyStatusBy(here, this::checkMove);
  }

  @TestFactory
  List<DynamicTest> theReaperTakesOnlyItsRulesTransitionFromItsStatus() {
    return everyStatusBy(ReapRule.values(), this::checkReap);
  }

  /** One test for every status and move, named "STATUS by MOVE", running {@code check} on the pair. */
  private static <M> List<DynamicTest> everyStatusBy(M[] moves, BiConsumer<JobStatus, M> check) {
    List<DynamicTest> tests = new ArrayList<>();
    for (JobStatus from : JobStatus.values()) {
      for (M move : moves) {
        tests.add(dynamicTest(from + " by " + move, () -> check.accept(from, move)));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> heartbeatsAreTakenInTheClaimedStatusesOnly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JobStatus status : JobStatus.values()) {
      tests.add(dynamicTest(status.name(), () -> {
        UUID id = jobIn(status, 1, 3);
        HeartbeatResult result = queue.heartbeat(id, WORKER, PROGRESS, Map.of());
        assertThat(result != HeartbeatResult.LOST).isEqualTo(status.isClaimed());
      }));
    }
    return tests;
  }

  @Test
  void aNewClaimCountsTheAttemptUpAndKeepsTheFirstStart() {
    jdbc.sql("TRUNCATE job CASCADE").update();
    UUID id = service.create(new NewJob("j", "{}", 0, 3)).id();
    queue.claim(WORKER, 1);
    Instant firstStart = reader.find(id).orElseThrow().startedAt();
    queue.release(id, WORKER, "drained");
    queue.claim("worker-2", 1);

    JobView job = reader.find(id).orElseThrow();
    assertThat(job.attempt()).isEqualTo(2);
    assertThat(job.claimedBy()).isEqualTo("worker-2");
    assertThat(job.startedAt()).isEqualTo(firstStart);
    assertThat(job.timeline()).extracting(JobEventView::attempt).containsExactly(0, 1, 1, 2);
  }

  private void checkMove(JobStatus from, JobTransitions transition) {
    UUID id = jobIn(from, 1, 3);
    int eventsBefore = reader.find(id).orElseThrow().timeline().size();
    BiConsumer<TrainingJob, Instant> entityMove = ENTITY_MOVES.get(transition);
    if (!transition.allows(from) && entityMove != null) {
      assertThatThrownBy(() -> throughEntity(id, entityMove))
          .isInstanceOf(IllegalTransitionException.class)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(from + " to " + transition.target());
    } else if (entityMove != null) {
      throughEntity(id, entityMove);
    } else {
      sqlMoves().get(transition).accept(id);
    }
    checkOutcome(id, from, transition.allows(from) ? transition.target() : null, eventsBefore);
  }

  private void checkReap(JobStatus from, ReapRule rule) {
    UUID id = jobIn(from, 1, rule == ReapRule.FAIL ? 1 : 3);
    int eventsBefore = reader.find(id).orElseThrow().timeline().size();
    jdbc.sql("UPDATE job SET heartbeat_at = now() - interval '1 hour' WHERE id = ?").param(id).update();
    List<UUID> reaped = queue.reap(rule, Duration.ofMinutes(1));
    assertThat(reaped).hasSize(from == rule.from ? 1 : 0);
    checkOutcome(id, from, from == rule.from ? rule.to : null, eventsBefore);
  }

  /** The job moved from {@code from} to {@code to} with one event, or, with a null {@code to}, did not move. */
  private void checkOutcome(UUID id, JobStatus from, JobStatus to, int eventsBefore) {
    JobView job = reader.find(id).orElseThrow();
    if (to == null) {
      assertThat(job.status()).isEqualTo(from);
      assertThat(job.timeline()).hasSize(eventsBefore);
      return;
    }
    assertThat(job.status()).isEqualTo(to);
    assertThat(job.timeline()).hasSize(eventsBefore + 1);
    JobEventView event = job.timeline().get(eventsBefore);
    assertThat(event.from()).isEqualTo(from);
    assertThat(event.to()).isEqualTo(to);
    assertThat(event.attempt()).isEqualTo(job.attempt());
    assertThat(job.finishedAt() != null).as("finished_at").isEqualTo(to.isTerminal());
  }

  /** The only job in the table, put in {@code status} directly, claimed by {@link #WORKER} when claimed. */
  private UUID jobIn(JobStatus status, int attempt, int maxAttempts) {
    jdbc.sql("TRUNCATE job CASCADE").update();
    UUID id = service.create(new NewJob("j", "{}", 0, maxAttempts)).id();
    jdbc.sql(
            """
            UPDATE job SET status = :status, attempt = :attempt, version = version + 1,
                   claimed_by = CASE WHEN :claimed THEN :worker END,
                   heartbeat_at = CASE WHEN :claimed THEN now() END,
                   finished_at = CASE WHEN :terminal THEN now() END
             WHERE id = :id
            """)
        .param("status", status.name())
        .param("attempt", status == JobStatus.QUEUED ? 0 : attempt)
        .param("claimed", status.isClaimed())
        .param("worker", WORKER)
        .param("terminal", status.isTerminal())
        .param("id", id)
        .update();
    return id;
  }

  private void throughEntity(UUID id, BiConsumer<TrainingJob, Instant> move) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(tx -> move.accept(jobs.findById(id).orElseThrow(), Instant.now()));
  }
}
