package dev.descent.engine.online;

/**
 * How often the trainer reports: metrics every {@code metricsEvery} steps, a weight snapshot every {@code
 * snapshotEvery} steps (0: only the final one). The last step is always reported.
 */
public record Reporting(long metricsEvery, long snapshotEvery) {
  public static final Reporting EVERY_STEP = new Reporting(1, 1);

  public Reporting {
    if (metricsEvery < 1 || snapshotEvery < 0) {
      throw new IllegalArgumentException("metricsEvery must be >= 1 and snapshotEvery >= 0");
    }
  }
}
