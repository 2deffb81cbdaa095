package dev.descent.engine.spec;

/**
 * A job's early stopping ({@code /earlyStopping}): after every epoch the loop watches {@code metric}; an epoch
 * improves on the best so far when the metric is lower ({@code mode} {@value #MIN}) or higher ({@value #MAX}) by more
 * than {@code minDelta}; the run stops after {@code patience} epochs in a row without improvement. With
 * {@code restoreBest} the final checkpoint holds the best epoch's parameters and the final metrics are its metrics.
 */
public record EarlyStoppingSpec(String metric, String mode, int patience, double minDelta, boolean restoreBest) {
  public static final String MIN = "min";
  public static final String MAX = "max";
  public static final String DEFAULT_METRIC = "val_loss";
  public static final int DEFAULT_PATIENCE = 5;

  /** Whether {@code value} improves on {@code best} by more than {@code minDelta}; NaN never improves. */
  public boolean improves(double value, double best) {
    return improves(mode, minDelta, value, best);
  }

  /**
   * Whether {@code value} improves on {@code best} by more than {@code minDelta}, higher being better with
   * {@code mode} {@value #MAX}; NaN never improves, and anything else improves on a NaN best (none yet). Rules'
   * {@code no_improvement} test uses it too.
   */
  public static boolean improves(String mode, double minDelta, double value, double best) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (Double.isNaN(best)) {
      return true;
    }
    return MAX.equals(mode) ? value - best > minDelta : best - value > minDelta;
  }
}
