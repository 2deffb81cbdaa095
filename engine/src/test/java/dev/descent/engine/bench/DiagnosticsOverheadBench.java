package dev.descent.engine.bench;

import dev.descent.engine.platform.NativeSetup;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The cost of a job's {@code "diagnostics": {}} (the defaults: per-layer series every 10 updates, curvature every
 * 100) on {@link MlpBench}'s 784-1024-256-10 MLP (batch 64, Adam): per round, one run without and one with
 * diagnostics, each {@code bench.warmup} (100) + {@code bench.steps} (300) updates on its own thread, interleaved
 * update by update (a baton passes after every step), so that both see the same machine load; the measure is each
 * run's total CPU time over its measured steps (a total, not a median: the curvature is paid on one step in a
 * hundred). Prints each round's overhead and {@code RESULT diagnostics_overhead_pct}, the median of
 * {@code bench.rounds} (3) rounds' {@code 100·(with − without)/without}. {@code -Dbench.diagnostics=JSON} measures
 * other settings.
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
      Semaphore plainTurn = new Semaphore(1);
      Semaphore diagnosedTurn = new Semaphore(0);
      int last = warmup + steps;
      int[] counts = new int[2];
      MlpBench.Run plain = new MlpBench.Run(warmup, steps, "",
          () -> pass(++counts[0], last, diagnosedTurn, plainTurn));
      MlpBench.Run diagnosed = new MlpBench.Run(warmup, steps, diagnostics,
          () -> pass(++counts[1], last, plainTurn, diagnosedTurn));
      CompletableFuture<StepTimes> other = CompletableFuture.supplyAsync(() -> {
        diagnosedTurn.acquireUninterruptibly();
        return diagnosed.train();
      });
      double without = plain.train().totalCpuSeconds();
      double with = other.join().totalCpuSeconds();
      overheads[r] = 100 * (with - without) / without;
      System.out.printf("round %d: without %.3f s, with %.3f s CPU for %d steps: %+.2f %%%n",
          r + 1, without, with, steps, overheads[r]);
    }
    Arrays.sort(overheads);
    new BenchResult("diagnostics_overhead_pct", overheads[rounds / 2], "%").print();
    System.out.println("PLATFORM java " + NativeSetup.ensure().describeLoaded());
  }

  /** After step {@code done} of {@code last}: lets the other run take a step, and waits for the turn to come back. */
  private static void pass(int done, int last, Semaphore other, Semaphore mine) {
    other.release();
    if (done < last) {
      mine.acquireUninterruptibly();
    }
  }
}
