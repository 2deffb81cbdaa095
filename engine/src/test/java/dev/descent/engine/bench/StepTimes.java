package dev.descent.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Per-step durations of one thread, on two clocks: wall time, and the thread's CPU time (Linux
 * {@code CLOCK_THREAD_CPUTIME_ID}). With one native thread per job the whole step runs on the calling thread, so its
 * CPU time is the step's cost without the time other processes held the core: on a machine shared with other work
 * that is the stable measure; wall time is reported beside it. Medians, because a burst of foreign load shifts a
 * mean far more than a median.
 */
final class StepTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long[] wallNanos;
  private final long[] cpuNanos;
  private long lastWall;
  private long lastCpu;
  private int count;

  StepTimes(int steps) {
    this.wallNanos = new long[steps];
    this.cpuNanos = new long[steps];
  }

  /** Starts timing; call on the measured thread. */
  void start() {
    lastWall = System.nanoTime();
    lastCpu = THREADS.getCurrentThreadCpuTime();
  }

  /** Ends one step and starts the next; call on the measured thread. */
  void lap() {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    wallNanos[count] = wall - lastWall;
    cpuNanos[count++] = cpu - lastCpu;
    lastWall = wall;
    lastCpu = cpu;
  }

  double medianCpuSeconds() {
    return median(cpuNanos);
  }

  /** The measured steps' CPU time in all: the measure of a cost that only some steps pay. */
  double totalCpuSeconds() {
    return Arrays.stream(cpuNanos, 0, count).sum() / 1e9;
  }

  double medianWallSeconds() {
    return median(wallNanos);
  }

  /**
   * The last third's median CPU step time over the first third's: 1 when the speed holds, above 1 when steps slow down
   * as training goes on (subnormal numbers in a converging model).
   */
  double lateOverEarly() {
    int third = count / 3;
    return median(Arrays.copyOfRange(cpuNanos, count - third, count)) / median(Arrays.copyOfRange(cpuNanos, 0, third));
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e9;
  }
}
