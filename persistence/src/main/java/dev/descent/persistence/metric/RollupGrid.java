package dev.descent.persistence.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a downsampled read of the steps {@code [lo, hi]} is answered from the rollups: by the coarsest level whose
 * aligned buckets touching the range number at least {@code buckets / 2}, in output buckets of {@code width} steps (a
 * multiple of that level's width, the least that gives at most {@code buckets} of them). Output bucket {@code k} holds
 * the steps {@code [k·width, (k + 1)·width − 1]}, clipped to the range. One bucket ({@code maxPoints < 4}) has no
 * grid: such a read scans the raw points.
 */
record RollupGrid(int level, long width) {

  /** The rollup widths, finest first, as stored by {@code V11__metric_rollups.sql}. */
  static final long[] WIDTHS = {64, 4_096, 262_144};

  /** The grid for at most {@code buckets} buckets over {@code [lo, hi]}; empty when the range is too short. */
  static Optional<RollupGrid> choose(long lo, long hi, int buckets) {
    if (buckets < 2) {
      return Optional.empty();
    }
    for (int level = WIDTHS.length - 1; level >= 0; level--) {
      long blocks = count(lo, hi, WIDTHS[level]);
      if (blocks * 2 >= buckets) {
        long multiple = Math.max(1, -Math.floorDiv(-blocks, buckets));
        while (count(lo, hi, multiple * WIDTHS[level]) > buckets) {
          multiple++;
        }
        return Optional.of(new RollupGrid(level, multiple * WIDTHS[level]));
      }
    }
    return Optional.empty();
  }

  /** The output bucket holding {@code step}. */
  long bucketOf(long step) {
    return Math.floorDiv(step, width);
  }

  /**
   * What to read, in step order, to cover {@code [lo, hi]} exactly: the whole buckets of this grid's level inside
   * the range, and at either end, where the range cuts a bucket of the level, whole buckets of the finer levels and
   * raw points for the rest (fewer than 128 steps in all). No piece straddles an output bucket's boundary.
   */
  List<Piece> pieces(long lo, long hi) {
    List<Piece> pieces = new ArrayList<>();
    cover(lo, hi, level, pieces);
    return pieces;
  }

  private static void cover(long lo, long hi, int level, List<Piece> pieces) {
    if (lo > hi) {
      return;
    }
    if (level < 0) {
      pieces.add(new Piece(0, lo, hi));
      return;
    }
    long width = WIDTHS[level];
    long first = -Math.floorDiv(-lo, width);
    long last = Math.floorDiv(hi - width + 1, width);
    if (first > last) {
      cover(lo, hi, level - 1, pieces);
      return;
    }
    cover(lo, first * width - 1, level - 1, pieces);
    pieces.add(new Piece(width, first, last));
    cover((last + 1) * width, hi, level - 1, pieces);
  }

  private static long count(long lo, long hi, long width) {
    return Math.floorDiv(hi, width) - Math.floorDiv(lo, width) + 1;
  }

  /** Rollup buckets {@code from..to} of {@code width}, or, where {@code width} is 0, the raw steps {@code from..to}. */
  record Piece(long width, long from, long to) {}
}
