package dev.descent.persistence.metric;

import java.util.List;

/** The points of one metric, by increasing step. */
public record MetricSeries(String name, boolean downsampled, List<SeriesPoint> points) {}
