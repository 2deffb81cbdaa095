package dev.descent.persistence.metric;

/** A stored metric point with its write sequence number ({@code seq}, increasing in write order). */
public record MetricEvent(long seq, String name, long step, int epoch, double value) {}
