/**
 * Metric history: {@link dev.descent.persistence.metric.MetricWriter} appends batches of samples idempotently,
 * {@link dev.descent.persistence.metric.MetricQuery} reads series downsampled on the server (bucket first, last, min
 * and max) and the latest value of each metric.
 */
package dev.descent.persistence.metric;
