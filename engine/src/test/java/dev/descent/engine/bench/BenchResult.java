package dev.descent.engine.bench;

import java.util.Locale;

/** A line a benchmark prints for {@code bench/side-by-side.sh}: {@code RESULT <name> <value> <unit>}. */
record BenchResult(String name, double value, String unit) {

  void print() {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f %s", name, value, unit));
  }

  /** The integer system property {@code name}, or {@code fallback}. */
  static int intProperty(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }
}
