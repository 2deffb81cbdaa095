package dev.descent.engine.online;

/** The weights after {@code step} samples, with the metrics at that step. */
public record WeightSnapshot(long step, double[] weights, double progressiveLossAverage, int nonzeros) {}
