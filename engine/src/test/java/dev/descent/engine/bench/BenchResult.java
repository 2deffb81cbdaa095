package dev.descent.engine.bench;

import java.util.Arrays;
import java.util.Locale;

/** The one line a benchmark prints for {@code bench/side-by-side.sh}: {@code RESULT <name> <value> <unit>}. */
record BenchResult(String name, double value, String unit) {

  void print() {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f %s", name, value, unit));
  }

  /**
   * The median of {@code nanos} in seconds. Benchmarks report per-step medians rather than totals: on a machine
   * shared with other work a burst of foreign load shifts a mean far more than it shifts a median.
   */
  static double medianSeconds(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e9;
  }

  /** The integer system property {@code name}, or {@code fallback}. */
  static int intProperty(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }
}
