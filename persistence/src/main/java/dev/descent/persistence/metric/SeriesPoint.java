package dev.descent.persistence.metric;

/**
 * A point of a series read back. Raw points have {@code min == max == value}; a downsampled point carries the
 * minimum and maximum of the bucket it represents (NaN when the bucket holds a NaN, see {@link MetricQuery}).
 */
public record SeriesPoint(long step, int epoch, double value, double min, double max) {}
