package dev.descent.engine.diagnostics;

/**
 * Server-side bounds on a gradient check, which runs on the request thread: the model's parameter count, the input
 * rows, the entries checked per block and in all (each entry costs two forward passes), and the layers.
 */
public record GradientCheckLimits(long maxParameters, int maxRows, int maxSamples, long maxEntries, int maxLayers) {
  public static final GradientCheckLimits DEFAULTS = new GradientCheckLimits(100_000, 64, 1_000, 10_000, 64);
}
