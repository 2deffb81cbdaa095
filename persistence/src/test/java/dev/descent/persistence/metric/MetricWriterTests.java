package dev.descent.persistence.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MetricWriterTests extends PostgresIntegrationTest {

  @Autowired MetricWriter writer;
  @Autowired MetricQuery query;
  @Autowired JobService jobs;
  @Autowired JdbcClient jdbc;

  private UUID jobId;

  @BeforeEach
  void newJob() {
    jobId = jobs.create(new NewJob("metrics", "{}", 0, 3)).id();
  }

  @Test
  void aResumedAttemptOverwritesTheStepsItReplays() {
    writer.write(jobId, 1, losses(1, 10, 1.0));

    int written = writer.write(jobId, 2, losses(6, 12, 2.0));

    assertThat(written).isEqualTo(7);
    List<SeriesPoint> points = series("loss", 100);
    assertThat(points)
        .extracting(SeriesPoint::step)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
    assertThat(points).filteredOn(p -> p.step() <= 5).extracting(SeriesPoint::value).containsOnly(1.0);
    assertThat(points).filteredOn(p -> p.step() > 5).extracting(SeriesPoint::value).containsOnly(2.0);
    assertThat(points).allSatisfy(p -> assertThat(p.min()).isEqualTo(p.value()).isEqualTo(p.max()));
    assertThat(attemptsStored()).containsExactly(1, 2);
  }

  @Test
  void writingTheSameBatchTwiceStoresItOnce() {
    List<MetricSample> batch = losses(1, 5, 3.0);
    writer.write(jobId, 1, batch);
    writer.write(jobId, 1, batch);

    assertThat(series("loss", 100)).hasSize(5);
  }

  @Test
  void theLastSampleOfAStepInOneBatchWins() {
    int written =
        writer.write(jobId, 1, List.of(new MetricSample("loss", 1, 0, 5.0), new MetricSample("loss", 1, 0, 6.0)));

    assertThat(written).isEqualTo(1);
    assertThat(series("loss", 100)).extracting(SeriesPoint::value).containsExactly(6.0);
  }

  @Test
  void deleteAfterRemovesLaterStepsOfEveryMetric() {
    writer.write(jobId, 1, losses(1, 10, 1.0));
    writer.write(jobId, 1, List.of(new MetricSample("val_loss", 10, 1, 0.7)));

    assertThat(writer.deleteAfter(jobId, 5)).isEqualTo(6);

    assertThat(series("loss", 100)).extracting(SeriesPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(series("val_loss", 100)).isEmpty();
  }

  @Test
  void nonFiniteValuesAndEpochsRoundTrip() {
    writer.write(
        jobId,
        1,
        List.of(
            new MetricSample("loss", 1, 0, Double.NaN),
            new MetricSample("loss", 2, 0, Double.POSITIVE_INFINITY),
            new MetricSample("loss", 3, 1, Double.NEGATIVE_INFINITY)));

    assertThat(series("loss", 100))
        .containsExactly(
            new SeriesPoint(1, 0, Double.NaN, Double.NaN, Double.NaN),
            new SeriesPoint(2, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
            new SeriesPoint(3, 1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
  }

  @Test
  void latestIsTheValueAtTheHighestStepOfEachMetric() {
    writer.write(jobId, 1, losses(1, 10, 1.0));
    writer.write(
        jobId, 1, List.of(new MetricSample("loss", 11, 0, 0.25), new MetricSample("val_accuracy", 11, 1, 0.9)));

    assertThat(query.latest(jobId)).containsExactly(Map.entry("loss", 0.25), Map.entry("val_accuracy", 0.9));
    assertThat(query.latest(UUID.randomUUID())).isEmpty();
  }

  @Test
  void readReturnsRequestedSeriesInOrderAndEveryMetricWhenNoneAreNamed() {
    writer.write(jobId, 1, losses(1, 3, 1.0));
    writer.write(jobId, 1, List.of(new MetricSample("lr", 1, 0, 0.01)));

    assertThat(query.read(jobId, List.of("nope", "loss"), null, null, 10))
        .extracting(MetricSeries::name, s -> s.points().size())
        .containsExactly(tuple("nope", 0), tuple("loss", 3));
    assertThat(query.read(jobId, List.of(), 2L, null, 10))
        .extracting(MetricSeries::name, s -> s.points().size())
        .containsExactly(tuple("loss", 2), tuple("lr", 0));
    assertThat(query.names(jobId)).containsExactly("loss", "lr");
    assertThatThrownBy(() -> query.read(jobId, List.of(), null, null, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private List<SeriesPoint> series(String name, int maxPoints) {
    return query.read(jobId, List.of(name), null, null, maxPoints).get(0).points();
  }

  private List<Integer> attemptsStored() {
    return jdbc.sql("SELECT DISTINCT attempt FROM metric_point WHERE job_id = ? ORDER BY attempt")
        .param(jobId)
        .query(Integer.class)
        .list();
  }

  private static List<MetricSample> losses(long fromStep, long toStep, double value) {
    return LongStream.rangeClosed(fromStep, toStep).mapToObj(step -> new MetricSample("loss", step, 0, value)).toList();
  }
}
