package dev.descent.engine.spec;

/**
 * A job's training diagnostics ({@code /diagnostics}, off when absent): every {@code everyIterations} updates the
 * per-layer series {@code grad_norm/<layer>}, {@code update_ratio/<layer>} and {@code dead_fraction/<layer>}, and
 * every {@code curvatureEvery} updates {@code curvature} and {@code curvature_ratio} on a fixed probe batch; 0 turns
 * either off. See {@code docs/diagnostics.md}.
 */
public record DiagnosticsSpec(int everyIterations, int curvatureEvery) {
  public static final int DEFAULT_EVERY_ITERATIONS = 10;
  public static final int DEFAULT_CURVATURE_EVERY = 100;

  /** Whether the per-layer series are due after {@code step} updates. */
  public boolean layersDue(long step) {
    return everyIterations > 0 && step % everyIterations == 0;
  }

  /** Whether the curvature is due after {@code step} updates. */
  public boolean curvatureDue(long step) {
    return curvatureEvery > 0 && step % curvatureEvery == 0;
  }
}
