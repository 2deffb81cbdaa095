package dev.descent.engine.spec;

/** Server-side bounds on what a spec may ask for. */
public record EngineLimits(int maxEpochs, long maxParameters, int maxLayers, int maxBatchSize) {
  public static final EngineLimits DEFAULTS = new EngineLimits(10_000, 50_000_000L, 64, 65_536);
}
