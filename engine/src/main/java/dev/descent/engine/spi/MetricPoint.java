package dev.descent.engine.spi;

/**
 * One metric sample. {@code step} is the global iteration count (1-based, the number of parameter updates done when
 * the value was measured); per-epoch metrics use the step at the end of that epoch. {@code epoch} is 0-based for
 * per-iteration metrics (the epoch in progress) and 1-based for per-epoch ones (the epoch just completed).
 */
public record MetricPoint(String name, long step, int epoch, double value) {}
