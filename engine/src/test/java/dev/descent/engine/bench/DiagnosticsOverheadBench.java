package dev.descent.engine.bench;

import dev.descent.engine.platform.NativeSetup;
import java.util.Arrays;

/**
 * The cost of a job's {@code "diagnostics": {}} (the defaults: per-layer series every 10 updates, curvature every
 * 100) on {@link MlpBench}'s 784-1024-256-10 MLP (batch 64, Adam): {@code bench.rounds} (default 3) alternating pairs
 * of runs without and with diagnostics, each {@code bench.warmup} (100) + {@code bench.steps} (300) updates; the
 * measured steps' total CPU time of the training thread (a total, not a median: the curvature is paid on one step in
 * a hundred). Prints each round's overhead and {@code RESULT diagnostics_overhead_pct} = the median round's
 * {@code 100·(with − without)/without}. {@code -Dbench.diagnostics=JSON} measures other settings.
 */
public final class DiagnosticsOverheadBench {
  private DiagnosticsOverheadBench() {}

  public static void main(String[] args) {
    int rounds = BenchResult.intProperty("bench.rounds", 3);
    int warmup = BenchResult.intProperty("bench.warmup", 100);
    int steps = BenchResult.intProperty("bench.steps", 300);
    String diagnostics = ", \"diagnostics\": " + System.getProperty("bench.diagnostics", "{}");
    double[] overheads = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double without = new MlpBench.Run(warmup, steps).train().totalCpuSeconds();
      double with = new MlpBench.Run(warmup, steps, diagnostics).train().totalCpuSeconds();
      overheads[r] = 100 * (with - without) / without;
      System.out.printf("round %d: without %.3f s, with %.3f s CPU for %d steps: %+.2f %%%n",
          r + 1, without, with, steps, overheads[r]);
    }
    Arrays.sort(overheads);
    new BenchResult("diagnostics_overhead_pct", overheads[rounds / 2], "%").print();
    System.out.println("PLATFORM java " + NativeSetup.ensure().describeLoaded());
  }
}
