package dev.descent.api.web;

import dev.descent.api.job.JobApplicationService;
import dev.descent.api.web.generated.MetricsApi;
import dev.descent.api.web.generated.model.MetricPoint;
import dev.descent.api.web.generated.model.MetricSeries;
import dev.descent.api.web.generated.model.MetricSeriesList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** A job's metric history, downsampled on the server (openapi.yaml, tag {@code metrics}). */
@RestController
record MetricsController(JobApplicationService jobs) implements MetricsApi {
  @Override
  public ResponseEntity<MetricSeriesList> getJobMetrics(
      UUID id, List<String> names, Long from, Long to, Integer maxPoints) {
    if (to != null && from != null && to < from) {
      throw new InvalidParameterException("to", "must be >= from");
    }
    var series =
        jobs.metrics(id, names == null ? List.of() : names, from, to, maxPoints).stream()
            .map(MetricsController::series)
            .toList();
    return ResponseEntity.ok(new MetricSeriesList(series));
  }

  private static MetricSeries series(dev.descent.persistence.metric.MetricSeries s) {
    List<MetricPoint> points =
        s.points().stream()
            .map(p -> new MetricPoint(p.step(), p.epoch(), p.value(), p.min(), p.max()))
            .toList();
    return new MetricSeries(s.name(), s.downsampled(), points);
  }
}
