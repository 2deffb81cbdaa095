package dev.descent.engine.optim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link UpdateStepBenchmark}'s operation (restore the gradient with a copy, then one {@code applyUpdater} step) timed
 * on the calling thread's CPU clock: on a machine shared with other work, wall time (JMH's) also counts the time
 * other processes held the core, CPU time does not. Arguments: the step names (as {@link UpdateStepBenchmark#step}).
 * System properties {@code sizes} (comma-separated, default {@code 1000000,10000000}) and {@code steps} (measured
 * steps, default 40), after a warm-up of {@code warmup} seconds of wall time (default 3, so that the JIT has
 * compiled the loops) and at least 5 steps. Prints one line per size and step:
 * {@code RESULT <size> <step> <median ms> <min ms> <max ms>}.
 */
public final class UpdateStepCpuBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private UpdateStepCpuBench() {}

  public static void main(String[] args) {
    int steps = Integer.getInteger("steps", 40);
    for (String size : System.getProperty("sizes", "1000000,10000000").split(",")) {
      for (String step : args) {
        UpdateStepBenchmark bench = new UpdateStepBenchmark();
        bench.size = Integer.parseInt(size);
        bench.step = step;
        bench.setUp();
        double[] millis = measure(bench, Double.parseDouble(System.getProperty("warmup", "3")), steps);
        System.out.printf("RESULT %s %s %.4f %.4f %.4f%n", size, step, millis[millis.length / 2], millis[0],
            millis[millis.length - 1]);
      }
    }
  }

  /** The sorted CPU milliseconds of {@code steps} operations after {@code warmup} seconds of untimed ones. */
  static double[] measure(UpdateStepBenchmark bench, double warmup, int steps) {
    long end = System.nanoTime() + (long) (warmup * 1e9);
    for (int i = 0; i < 5 || System.nanoTime() < end; i++) {
      bench.update();
    }
    double[] millis = new double[steps];
    for (int i = 0; i < steps; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      bench.update();
      millis[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }
}
