package dev.descent.persistence.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The choice of rollup level and bucket width, and the pieces that cover a range: pure arithmetic, no database. */
class MetricRollupGridTests {

  @Test
  void fiveMillionStepsTo800PointsReadTheMiddleLevel() {
    RollupGrid grid = RollupGrid.choose(1, 5_000_000, 400).orElseThrow();

    assertThat(grid.level()).isEqualTo(1);
    assertThat(grid.width()).isEqualTo(4 * 4_096);
    assertThat(grid.pieces(1, 5_000_000)).filteredOn(p -> p.width() == 4_096).singleElement()
        .satisfies(p -> assertThat(p.to() - p.from() + 1).isLessThan(1_300));
  }

  @Test
  void aShortRangeHasNoGrid() {
    assertThat(RollupGrid.choose(0, 64 * 100, 250)).isEmpty();
    assertThat(RollupGrid.choose(0, 64 * 125 - 1, 250)).isPresent();
  }

  @Test
  void randomRangesAreCoveredExactlyInBoundedAlignedBuckets() {
    Random random = new Random(21);
    for (int i = 0; i < 20_000; i++) {
      long lo = random.nextInt(3) == 0 ? random.nextInt(100) : (long) (random.nextDouble() * 4e7) - 1_000_000;
      long hi = lo + (long) Math.pow(10, random.nextDouble() * 7.5);
      int buckets = 1 + random.nextInt(random.nextBoolean() ? 10 : 5_000);
      RollupGrid.choose(lo, hi, buckets).ifPresent(grid -> check(grid, lo, hi, buckets));
    }
  }

  private static void check(RollupGrid grid, long lo, long hi, int buckets) {
    long count = grid.bucketOf(hi) - grid.bucketOf(lo) + 1;
    assertThat(count).isBetween(buckets / 2 - 1L, (long) buckets);
    assertThat(grid.width() % RollupGrid.WIDTHS[grid.level()]).isZero();
    List<RollupGrid.Piece> pieces = grid.pieces(lo, hi);
    long next = lo;
    for (RollupGrid.Piece piece : pieces) {
      long width = Math.max(1, piece.width());
      long first = piece.from() * width;
      long last = piece.to() * width + width - 1;
      assertThat(first).isEqualTo(next);
      assertThat(last).isGreaterThanOrEqualTo(first);
      assertThat(piece.width() == 0 || grid.width() % piece.width() == 0).isTrue();
      if (piece.width() == 0) {
        assertThat(last - first).isLessThan(2 * 64 - 2);
      }
      next = last + 1;
    }
    assertThat(next).isEqualTo(hi + 1);
  }
}
