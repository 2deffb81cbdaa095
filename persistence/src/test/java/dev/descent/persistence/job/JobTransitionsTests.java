package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every (from, to) pair through the entity's guarded methods: allowed ones move and record, others throw. */
class JobTransitionsTests {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  /** The guarded method that aims at each status. */
  private static final Map<JobStatus, BiConsumer<TrainingJob, Instant>> MOVES =
      Map.of(
          JobStatus.QUEUED, (job, at) -> job.requeue(at, "heartbeat lost"),
          JobStatus.RUNNING, (job, at) -> job.markRunning("worker-1", at),
          JobStatus.CANCELLING, (job, at) -> job.requestCancel(at, "user"),
          JobStatus.SUCCEEDED, (job, at) -> job.markSucceeded(at),
          JobStatus.FAILED, (job, at) -> job.markFailed("ERROR", "boom", at),
          JobStatus.CANCELLED, (job, at) -> job.markCancelled(at, "user"));

  /** The user's way back from FAILED or CANCELLED. */
  private static final BiConsumer<TrainingJob, Instant> RESUME = (job, at) -> job.resume("{}", 3, at, "resumed");

  @TestFactory
  List<DynamicTest> everyPairIsAllowedOrRefusedByTheTable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        tests.add(dynamicTest(from + " -> " + to, () -> checkMove(from, to)));
      }
    }
    return tests;
  }

  @Test
  void theTableHasTheDocumentedShape() {
    assertThat(JobTransitions.sourcesOf(JobStatus.RUNNING)).containsExactly(JobStatus.QUEUED);
    assertThat(JobTransitions.sourcesOf(JobStatus.CANCELLED))
        .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.CANCELLING);
    for (JobStatus terminal : EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)) {
      for (JobStatus to : JobStatus.values()) {
        // A user may resume a failed or cancelled job (back to QUEUED); nothing else leaves a terminal state.
        boolean resume = to == JobStatus.QUEUED && terminal != JobStatus.SUCCEEDED;
        assertThat(JobTransitions.isAllowed(terminal, to)).as(terminal + " -> " + to).isEqualTo(resume);
      }
    }
  }

  @Test
  void everyReaperRuleIsAnAllowedTransition() {
    for (ReapRule rule : ReapRule.values()) {
      assertThat(JobTransitions.isAllowed(rule.from, rule.to)).as(rule.name()).isTrue();
    }
  }

  @Test
  void requeueAtTheAttemptLimitFailsWithMaxAttempts() {
    TrainingJob job = TrainingJob.submit(UUID.randomUUID(), new NewJob("j", "{}", 0, 1), T0);
    job.markRunning("worker-1", T0);

    job.requeue(T1, "heartbeat lost");

    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.failureCode()).isEqualTo(FailureCodes.MAX_ATTEMPTS);
    assertThat(job.finishedAt()).isEqualTo(T1);
  }

  @Test
  void aNewClaimCountsTheAttemptUpAndKeepsTheFirstStart() {
    TrainingJob job = TrainingJob.submit(UUID.randomUUID(), new NewJob("j", "{}", 0, 3), T0);
    job.markRunning("worker-1", T0);
    job.requeue(T1, "heartbeat lost");
    job.markRunning("worker-2", T1);

    assertThat(job.attempt()).isEqualTo(2);
    assertThat(job.claimedBy()).isEqualTo("worker-2");
    assertThat(job.startedAt()).isEqualTo(T0);
    assertThat(job.events()).extracting(JobEvent::attempt).containsExactly(0, 1, 1, 2);
  }

  private static void checkMove(JobStatus from, JobStatus to) {
    TrainingJob job = jobIn(from);
    int eventsBefore = job.events().size();
    if (JobTransitions.isAllowed(from, to)) {
      boolean resume = from.isTerminal() && to == JobStatus.QUEUED;
      (resume ? RESUME : MOVES.get(to)).accept(job, T1);
      assertThat(job.status()).isEqualTo(to);
      assertThat(job.events()).hasSize(eventsBefore + 1);
      JobEvent event = job.events().get(eventsBefore);
      assertThat(event.from()).isEqualTo(from);
      assertThat(event.to()).isEqualTo(to);
      assertThat(event.at()).isEqualTo(T1);
      assertThat(event.attempt()).isEqualTo(job.attempt());
      assertThat(job.finishedAt()).isEqualTo(to.isTerminal() ? T1 : null);
    } else {
      assertThatThrownBy(() -> MOVES.get(to).accept(job, T1))
          .isInstanceOf(IllegalTransitionException.class)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(from + " to " + to);
      assertThat(job.status()).isEqualTo(from);
      assertThat(job.events()).hasSize(eventsBefore);
    }
  }

  /** A job driven from QUEUED into {@code status} through allowed moves only. */
  private static TrainingJob jobIn(JobStatus status) {
    TrainingJob job = TrainingJob.submit(UUID.randomUUID(), new NewJob("j", "{}", 0, 3), T0);
    if (status == JobStatus.QUEUED) {
      return job;
    }
    if (status == JobStatus.CANCELLED) {
      job.markCancelled(T0, "user");
      return job;
    }
    job.markRunning("worker-1", T0);
    if (status != JobStatus.RUNNING) {
      MOVES.get(status).accept(job, T0);
    }
    return job;
  }
}
