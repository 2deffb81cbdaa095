package dev.descent.engine.spec;

import dev.descent.engine.data.files.DataFolder;

/**
 * Server-side bounds on what a spec may ask for: sizes, and the {@link DataFolder} that the files a spec names must
 * lie in (the reader opens them there). Without a data folder ({@code null}), {@link DataFolder#fromEnvironment()}
 * is asked at each read, as code run outside the service wants.
 */
public record EngineLimits(int maxEpochs, long maxParameters, int maxLayers, int maxBatchSize,
    DataFolder dataFolder) {
  public static final EngineLimits DEFAULTS = new EngineLimits(10_000, 50_000_000L, 64, 65_536);

  /** Limits whose data folder is the environment's ({@link DataFolder#fromEnvironment()}). */
  public EngineLimits(int maxEpochs, long maxParameters, int maxLayers, int maxBatchSize) {
    this(maxEpochs, maxParameters, maxLayers, maxBatchSize, null);
  }

  /** The data folder given, else the environment's now. */
  @Override
  public DataFolder dataFolder() {
    return dataFolder != null ? dataFolder : DataFolder.fromEnvironment();
  }
}
