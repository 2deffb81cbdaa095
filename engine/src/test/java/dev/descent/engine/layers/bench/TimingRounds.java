package dev.descent.engine.layers.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the normalization timing mains share: their arguments, the calling thread's CPU clock, the group count of the
 * group-norm variant, and timing the variants interleaved, round by round, so that load from other processes spreads
 * over all of them.
 */
final class TimingRounds {
  static final int GROUPS = 4;
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TimingRounds() {}

  /** Argument {@code index} as a whole number, or {@code fallback} when there are fewer arguments. */
  static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /**
   * {@code rounds} rounds, each timing every variant once in order; for each variant's name the samples
   * {@code [measure][round]} of the measures {@code time} returns (one or more, the same count every time).
   */
  static <V> Map<String, double[][]> interleave(Map<String, V> variants, int rounds, Function<V, double[]> time) {
    Map<String, double[][]> samples = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, V> entry : variants.entrySet()) {
        double[] measures = time.apply(entry.getValue());
        double[][] series = samples.computeIfAbsent(entry.getKey(), name -> new double[measures.length][rounds]);
        for (int m = 0; m < measures.length; m++) {
          series[m][round] = measures[m];
        }
      }
    }
    return samples;
  }
}
