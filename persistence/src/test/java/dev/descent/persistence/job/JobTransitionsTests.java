package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table's shape; {@link JobTransitionsEnforcedTests} checks that the entity and the SQL follow it. */
class JobTransitionsTests {

  @Test
  void theTableHasTheDocumentedShape() {
    assertThat(JobTransitions.sourcesOf(JobStatus.RUNNING)).containsExactly(JobStatus.QUEUED);
    assertThat(JobTransitions.sourcesOf(JobStatus.CANCELLED))
        .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.CANCELLING, JobStatus.PAUSED, JobStatus.WAITING);
    assertThat(JobTransitions.sourcesOf(JobStatus.QUEUED)).containsExactlyInAnyOrder(JobStatus.WAITING,
        JobStatus.RUNNING, JobStatus.PAUSED, JobStatus.FAILED, JobStatus.CANCELLED);
    assertThat(JobTransitions.sourcesOf(JobStatus.PAUSED))
        .containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.PAUSING);
    for (JobStatus terminal : EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED,
        JobStatus.PRUNED)) {
      for (JobStatus to : JobStatus.values()) {
        // A user may resume a failed or cancelled job (back to QUEUED); nothing else leaves a terminal state.
        boolean resume = to == JobStatus.QUEUED && (terminal == JobStatus.FAILED || terminal == JobStatus.CANCELLED);
        assertThat(JobTransitions.isAllowed(terminal, to)).as(terminal + " -> " + to).isEqualTo(resume);
      }
    }
  }

  @Test
  void theAllowedPairsAreTheOnesTheServiceHadAlwaysAndPauses() {
    Map<JobStatus, EnumSet<JobStatus>> expected =
        Map.of(
            JobStatus.WAITING, EnumSet.of(JobStatus.QUEUED, JobStatus.CANCELLED, JobStatus.PRUNED),
            JobStatus.QUEUED, EnumSet.of(JobStatus.RUNNING, JobStatus.CANCELLED, JobStatus.PAUSED),
            JobStatus.RUNNING, EnumSet.of(
                JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLING, JobStatus.QUEUED, JobStatus.PAUSING),
            JobStatus.CANCELLING, EnumSet.of(JobStatus.CANCELLED, JobStatus.SUCCEEDED, JobStatus.FAILED),
            JobStatus.PAUSING, EnumSet.of(JobStatus.PAUSED, JobStatus.SUCCEEDED, JobStatus.FAILED),
            JobStatus.PAUSED, EnumSet.of(JobStatus.QUEUED, JobStatus.CANCELLED, JobStatus.WAITING, JobStatus.PRUNED),
            JobStatus.SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            JobStatus.FAILED, EnumSet.of(JobStatus.QUEUED),
            JobStatus.CANCELLED, EnumSet.of(JobStatus.QUEUED),
            JobStatus.PRUNED, EnumSet.noneOf(JobStatus.class));
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        boolean allowed = expected.get(from).contains(to);
        assertThat(JobTransitions.isAllowed(from, to)).as(from + " -> " + to).isEqualTo(allowed);
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
  void aWorkerOwnsAJobExactlyWhileItsRunMayStillEnd() {
    assertThat(JobStatus.claimed()).containsExactly(JobStatus.RUNNING, JobStatus.CANCELLING, JobStatus.PAUSING);
    assertThat(JobStatus.claimed())
        .isEqualTo(JobTransitions.SUCCEED.sources())
        .isEqualTo(JobTransitions.FAIL.sources());
  }

  @Test
  void theSqlIsRenderedFromTheTable() {
    assertThat(JobTransitions.SUCCEED.sourcesSql()).isEqualTo("'RUNNING', 'CANCELLING', 'PAUSING'");
    assertThat(JobTransitions.CLAIM.targetSql()).isEqualTo("'RUNNING'");
    assertThat(JobTransitions.CLAIM.onlySource()).isEqualTo(JobStatus.QUEUED);
    assertThat(JobTransitions.REQUEUE.onlySource()).isEqualTo(JobStatus.RUNNING);
    assertThat(JobTransitions.RELEASE_PAUSED.onlySource()).isEqualTo(JobStatus.PAUSING);
  }
}
