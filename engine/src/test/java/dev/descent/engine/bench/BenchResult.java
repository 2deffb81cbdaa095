package dev.descent.engine.bench;

import java.util.Locale;

/** A line a benchmark prints for {@code bench/side-by-side.sh}: {@code RESULT <name> <value> <unit>}. */
record BenchResult(String name, double value, String unit) {

  void print() {
    System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f %s", name, value, unit));
  }

  /** Prints {@code name} (samples/s on the CPU clock) and {@code name_wall} (on the wall clock) of steps of a batch. */
  static void printThroughput(String name, int batch, StepTimes times) {
    new BenchResult(name, batch / times.medianCpuSeconds(), "samples/s").print();
    new BenchResult(name + "_wall", batch / times.medianWallSeconds(), "samples/s").print();
  }

  /** The integer system property {@code name}, or {@code fallback}. */
  static int intProperty(String name, int fallback) {
    return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
  }
}
