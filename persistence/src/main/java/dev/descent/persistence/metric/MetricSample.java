package dev.descent.persistence.metric;

/** One value of metric {@code name} at global iteration {@code step}, in {@code epoch}. */
public record MetricSample(String name, long step, int epoch, double value) {}
