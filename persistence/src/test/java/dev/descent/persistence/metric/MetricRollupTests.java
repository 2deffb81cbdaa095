package dev.descent.persistence.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rollup-answered reads equal the exact M4 computed from the raw points on the same aligned buckets, on random series
 * with NaN and ±Infinity, after repeated writes, replays with other values and deletions of superseded points.
 */
class MetricRollupTests extends PostgresIntegrationTest {

  private static final int[] MAX_POINTS = {2, 3, 10, 41, 200, 800, 5_000};

  @Autowired MetricWriter writer;
  @Autowired MetricQuery query;
  @Autowired JobService jobs;
  @Autowired JdbcClient jdbc;

  private UUID jobId;
  private final Random random = new Random(2021);

  @BeforeEach
  void newJob() {
    jobId = jobs.create(new NewJob("rollups", "{}", 0, 3)).id();
  }

  @Test
  void rollupAnswersEqualTheExactM4OfRawPoints() {
    write(series(1, 150_000, 1.0), 2_000);

    assertRollupsExact();
    assertReadsExact(20);
  }

  @Test
  void repeatedWritesReplaysAndDeletionsKeepTheRollupsExact() {
    List<MetricSample> first = series(1, 120_000, 1.0);
    write(first, 3_000);
    write(first.subList(40_000, 60_000), 1_000);
    writer.deleteAfter(jobId, first.get(90_000).step());
    write(series(first.get(70_000).step(), 30_000, 1.0), 1_500);
    write(series(first.get(80_000).step(), 5_000, 0.05), 5_000);
    writer.deleteAfter(jobId, first.get(85_000).step() + 3);

    assertRollupsExact();
    assertReadsExact(20);
  }

  @Test
  void bucketsOfOnlyNanOrInfinitiesAreFlagged() {
    List<MetricSample> samples = new ArrayList<>();
    for (long step = 0; step < 64 * 400; step++) {
      double value = step < 64 * 100 ? Double.NaN : step < 64 * 200 ? Double.POSITIVE_INFINITY
          : step < 64 * 300 ? Double.NEGATIVE_INFINITY : step;
      samples.add(new MetricSample("loss", step, 0, value));
    }
    write(samples, 10_000);

    List<SeriesPoint> points = query.read(jobId, List.of("loss"), null, null, 200).get(0).points();
    assertThat(points.get(0)).satisfies(p -> assertThat(p.min()).isNaN()).satisfies(p -> assertThat(p.max()).isNaN());
    assertThat(points).filteredOn(p -> p.step() >= 64 * 100 && p.step() < 64 * 200)
        .isNotEmpty().allSatisfy(p -> assertThat(p.min()).isEqualTo(p.max()).isEqualTo(Double.POSITIVE_INFINITY));
    assertReadsExact(5);
  }

  /** {@code count} samples of "loss" from {@code start}, steps 1 to 30 apart, values with NaN and ±∞ sprinkled. */
  private List<MetricSample> series(long start, int count, double scale) {
    List<MetricSample> samples = new ArrayList<>(count);
    long step = start;
    for (int i = 0; i < count; i++) {
      double u = random.nextDouble();
      double value = u < 0.004 ? Double.NaN : u < 0.006 ? Double.POSITIVE_INFINITY
          : u < 0.008 ? Double.NEGATIVE_INFINITY : scale * random.nextGaussian() + 1e-9;
      samples.add(new MetricSample("loss", step, (int) (step / 10_000), value));
      step += random.nextInt(100) < 95 ? 1 + random.nextInt(3) : random.nextInt(300);
      step += random.nextInt(10_000) == 0 ? 300_000 : 0;
    }
    return samples;
  }

  private void write(List<MetricSample> samples, int batch) {
    for (int i = 0; i < samples.size(); i += batch) {
      writer.write(jobId, 1, samples.subList(i, Math.min(samples.size(), i + batch)));
    }
  }

  private void assertRollupsExact() {
    List<RollupCheck.Row> stored = RollupCheck.stored(jdbc, jobId);
    List<RollupCheck.Row> recomputed = RollupCheck.recomputed(jdbc, jobId);
    assertThat(stored).hasSameSizeAs(recomputed).isNotEmpty();
    for (int i = 0; i < stored.size(); i++) {
      RollupCheck.Row row = stored.get(i);
      RollupCheck.Row want = recomputed.get(i);
      assertThat(row.withSum(0)).isEqualTo(want.withSum(0));
      assertThat(row.sum()).isCloseTo(want.sum(), within(1e-9 * (1 + Math.abs(want.sum()))));
    }
  }

  private void assertReadsExact(int ranges) {
    long lo = jdbc.sql("SELECT min(step) FROM metric_point WHERE job_id = ?").param(jobId).query(Long.class).single();
    long hi = jdbc.sql("SELECT max(step) FROM metric_point WHERE job_id = ?").param(jobId).query(Long.class).single();
    for (int i = 0; i < ranges; i++) {
      long from = i == 0 ? lo - 5 : lo + (long) (random.nextDouble() * (hi - lo));
      long to = i == 0 ? hi + 5 : from + (long) Math.pow(10, random.nextDouble() * Math.log10(hi - from + 2));
      for (int maxPoints : MAX_POINTS) {
        MetricSeries series = query.read(jobId, List.of("loss"), from, to, maxPoints).get(0);
        assertThat(series.points()).as("%d..%d to %d", from, to, maxPoints)
            .isEqualTo(RollupCheck.exact(query, jdbc, jobId, from, to, maxPoints))
            .hasSizeLessThanOrEqualTo(maxPoints);
      }
    }
  }
}
