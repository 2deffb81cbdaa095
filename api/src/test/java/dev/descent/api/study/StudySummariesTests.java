package dev.descent.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.study.ObjectivePoint;
import dev.descent.persistence.study.StudyStatus;
import dev.descent.persistence.study.StudyTrialView;
import dev.descent.persistence.study.StudyView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The summary's definitions on crafted series: rows per search point, divergence, threshold times, mean level. */
class StudySummariesTests {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aSearchHasOneRowPerPointAndCountsDivergedTrialsOutOfTheStatistics() {
    StudyTrialView a1 = trial(0, 0, 1, JobStatus.SUCCEEDED);
    StudyTrialView b1 = trial(1, 1, 1, JobStatus.SUCCEEDED);
    StudyTrialView a2 = trial(2, 0, 2, JobStatus.SUCCEEDED);
    StudyTrialView b2 = trial(3, 1, 2, JobStatus.FAILED);
    Map<UUID, List<ObjectivePoint>> series = Map.of(
        a1.jobId(), List.of(point(10, 1.0, 5), point(20, 0.5, 9), point(30, 0.7, 12)),
        b1.jobId(), List.of(point(10, 0.9, 4), point(20, 0.8, 6)),
        a2.jobId(), List.of(point(10, 0.4, 3)),
        b2.jobId(), List.of(point(10, 0.9, 4), point(20, Double.NaN, 6)));
    StudyView study = new StudyView(UUID.randomUUID(), "s", StudyStatus.RUNNING, "{}", "val_loss", "min", 0.6, 2,
        "grid", T0, null, Map.of(), List.of(a1, b1, a2, b2));

    List<SummaryRow> rows = StudySummaries.summarize(study, series);

    assertThat(rows).extracting(SummaryRow::point).containsExactly(0, 1);
    SummaryRow first = rows.get(0);
    assertThat(first.finalValue()).isEqualTo(Stat.of(List.of(0.7, 0.4)));
    assertThat(first.best()).isEqualTo(Stat.of(List.of(0.5, 0.4)));
    assertThat(first.meanLevel().mean()).isEqualTo(((10 * 0.75 + 10 * 0.6) / 20 + 0.4) / 2);
    assertThat(first.stepsToThreshold()).isEqualTo(Stat.of(List.of(20.0, 10.0)));
    assertThat(first.secondsToThreshold()).isEqualTo(Stat.of(List.of(9.0, 3.0)));
    assertThat(first.reached()).isEqualTo(2);
    assertThat(first.pairedDifference()).isNull();
    SummaryRow second = rows.get(1);
    assertThat(second.diverged()).isEqualTo(1);
    assertThat(second.finalValue()).isEqualTo(new Stat(0.8, null, 1));
    assertThat(second.reached()).isZero();
    assertThat(second.stepsToThreshold()).isEqualTo(new Stat(null, null, 0));
  }

  private static StudyTrialView trial(int number, int point, long seed, JobStatus status) {
    return new StudyTrialView(number, null, point, seed, "{}", UUID.randomUUID(), status, T0, null);
  }

  private static ObjectivePoint point(long step, double value, long seconds) {
    return new ObjectivePoint(step, value, T0.plusSeconds(seconds));
  }
}
