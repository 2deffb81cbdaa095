package dev.descent.persistence.metric;

/**
 * The M4 summary of the points of a step range: its first and last point by step, the least and greatest finite value
 * ({@code +∞} and {@code −∞} when there is none), and how many NaN, {@code +∞} and {@code −∞} values it holds. A
 * stored rollup row, one raw point, or the union of adjacent cells ({@link #then}).
 */
record RollupCell(
    long firstStep,
    int firstEpoch,
    double firstValue,
    long lastStep,
    int lastEpoch,
    double lastValue,
    double finiteMin,
    double finiteMax,
    long nans,
    long posInfs,
    long negInfs) {

  /** The cell of one point. */
  static RollupCell of(long step, int epoch, double value) {
    boolean finite = Double.isFinite(value);
    return new RollupCell(step, epoch, value, step, epoch, value,
        finite ? value : Double.POSITIVE_INFINITY, finite ? value : Double.NEGATIVE_INFINITY,
        Double.isNaN(value) ? 1 : 0, value == Double.POSITIVE_INFINITY ? 1 : 0,
        value == Double.NEGATIVE_INFINITY ? 1 : 0);
  }

  /** This cell followed by {@code next}, whose steps all come after this cell's. */
  RollupCell then(RollupCell next) {
    return new RollupCell(firstStep, firstEpoch, firstValue, next.lastStep, next.lastEpoch, next.lastValue,
        Math.min(finiteMin, next.finiteMin), Math.max(finiteMax, next.finiteMax),
        nans + next.nans, posInfs + next.posInfs, negInfs + next.negInfs);
  }

  /** The least value as PostgreSQL orders {@code float8} (NaN above every number): NaN only when all are NaN. */
  double min() {
    if (negInfs > 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return finiteMin == Double.POSITIVE_INFINITY && posInfs == 0 ? Double.NaN : finiteMin;
  }

  /** The greatest value as PostgreSQL orders {@code float8}: NaN when any value is NaN. */
  double max() {
    if (nans > 0) {
      return Double.NaN;
    }
    return posInfs > 0 ? Double.POSITIVE_INFINITY : finiteMax;
  }
}
