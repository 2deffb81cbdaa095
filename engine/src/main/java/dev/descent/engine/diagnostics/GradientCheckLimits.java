package dev.descent.engine.diagnostics;

/**
 * Server-side bounds on a gradient check, which runs on the request thread: the model's parameter count, the input
 * rows, and the entries checked per block (each costs two forward passes).
 */
public record GradientCheckLimits(long maxParameters, int maxRows, int maxSamples, int maxLayers) {
  public static final GradientCheckLimits DEFAULTS = new GradientCheckLimits(100_000, 64, 1_000, 64);
}
