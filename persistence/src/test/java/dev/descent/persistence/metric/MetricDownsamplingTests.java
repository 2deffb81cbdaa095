package dev.descent.persistence.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A million-point series read back downsampled: bounded, deterministic, endpoints and extremes kept. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricDownsamplingTests extends PostgresIntegrationTest {

  private static final long POINTS = 1_000_000;
  private static final int MAX_POINTS = 500;
  private static final long SPIKE_STEP = 123_457;
  private static final long DIP_STEP = 765_433;
  private static final long NAN_STEP = 500_001;
  private static final double SPIKE = 1e6;

  @Autowired MetricQuery query;
  @Autowired JobService jobs;
  @Autowired JdbcClient jdbc;

  private UUID jobId;

  @BeforeAll
  void millionPoints() {
    jobId = jobs.create(new NewJob("long", "{}", 0, 3)).id();
    long began = System.nanoTime();
    jdbc.sql(
            """
            INSERT INTO metric_point (job_id, attempt, name, step, epoch, value)
            SELECT ?, 1, 'loss', s, (s / 10000)::int,
                   CASE s WHEN ? THEN ? WHEN ? THEN ? WHEN ? THEN 'NaN'::float8 ELSE 1.0 / s + sin(s) END
              FROM generate_series(1, ?) AS s
            """)
        .params(jobId, SPIKE_STEP, SPIKE, DIP_STEP, -SPIKE, NAN_STEP, POINTS)
        .update();
    jdbc.sql("ANALYZE metric_point").update();
    System.out.printf("inserted %d points in %d ms%n", POINTS, (System.nanoTime() - began) / 1_000_000);
  }

  @Test
  void aMillionPointsComeBackBoundedWithEndpointsAndExtremes() {
    long began = System.nanoTime();
    List<SeriesPoint> points = read(null, null);
    System.out.printf("downsampled %d points to %d in %d ms%n", POINTS, points.size(),
        (System.nanoTime() - began) / 1_000_000);

    assertThat(points).hasSizeBetween(MAX_POINTS / 2 - 2, MAX_POINTS);
    assertThat(points.get(0).step()).isEqualTo(1);
    assertThat(points.get(points.size() - 1).step()).isEqualTo(POINTS);
    assertThat(points).extracting(SeriesPoint::step).isSorted().doesNotHaveDuplicates();
    assertThat(points).anySatisfy(p -> assertThat(p.max()).isEqualTo(SPIKE));
    assertThat(points).anySatisfy(p -> assertThat(p.min()).isEqualTo(-SPIKE));
    assertThat(points).anySatisfy(p -> assertThat(p.max()).isNaN());
    assertThat(points)
        .filteredOn(p -> !Double.isNaN(p.max()))
        .allSatisfy(p -> assertThat(p.value()).isBetween(p.min(), p.max()));
  }

  @Test
  void theSameQueryGivesTheSameAnswer() {
    assertThat(read(null, null)).isEqualTo(read(null, null));
  }

  @Test
  void aSubRangeKeepsItsOwnEndpoints() {
    List<SeriesPoint> points = read(200_000L, 300_000L);

    assertThat(points).hasSizeLessThanOrEqualTo(MAX_POINTS);
    assertThat(points.get(0).step()).isEqualTo(200_000);
    assertThat(points.get(points.size() - 1).step()).isEqualTo(300_000);
    assertThat(points).extracting(SeriesPoint::step).allSatisfy(step -> assertThat(step).isBetween(200_000L, 300_000L));
  }

  @Test
  void aShortRangeComesBackRaw() {
    List<SeriesPoint> points = read(SPIKE_STEP - 2, SPIKE_STEP + 2);

    assertThat(points).extracting(SeriesPoint::step)
        .containsExactly(SPIKE_STEP - 2, SPIKE_STEP - 1, SPIKE_STEP, SPIKE_STEP + 1, SPIKE_STEP + 2);
    assertThat(points).allSatisfy(p -> assertThat(p.min()).isEqualTo(p.value()).isEqualTo(p.max()));
    assertThat(points.get(2).value()).isEqualTo(SPIKE);
  }

  private List<SeriesPoint> read(Long from, Long to) {
    return query.read(jobId, List.of("loss"), from, to, MAX_POINTS).get(0).points();
  }
}
