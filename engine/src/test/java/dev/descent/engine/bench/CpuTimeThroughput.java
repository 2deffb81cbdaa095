package dev.descent.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link EngineThroughputBenchmark#fitStep} workload timed by CPU time as well as wall time: samples per
 * CPU-second of the training thread estimate what the loop does on an otherwise idle core, which makes numbers from
 * a shared, loaded machine comparable. The process CPU time next to it shows whether any work ran on other
 * (native) threads. Usage: {@code CpuTimeThroughput [threads] [steps]}, defaults {@code 1} and
 * {@value #DEFAULT_STEPS}.
 */
public final class CpuTimeThroughput {
  static final int DEFAULT_STEPS = 200;
  static final int WARMUP_STEPS = 30;
  private static final double NANOS = 1e9;

  private CpuTimeThroughput() {}

  public static void main(String[] args) {
    EngineThroughputBenchmark workload = new EngineThroughputBenchmark();
    workload.threads = args.length > 0 ? args[0] : "1";
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_STEPS;
    workload.setUp();
    for (int i = 0; i < WARMUP_STEPS; i++) {
      workload.fitStep();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long wall = System.nanoTime();
    long thread = threads.getCurrentThreadCpuTime();
    long process = os.getProcessCpuTime();
    for (int i = 0; i < steps; i++) {
      workload.fitStep();
    }
    double samples = (double) steps * EngineThroughputBenchmark.BATCH;
    System.out.printf("threads=%s steps=%d samples=%.0f%n", workload.threads, steps, samples);
    System.out.printf("wall:           %8.0f samples/s%n", samples * NANOS / (System.nanoTime() - wall));
    System.out.printf("thread CPU:     %8.0f samples per CPU-second%n",
        samples * NANOS / (threads.getCurrentThreadCpuTime() - thread));
    System.out.printf("process CPU:    %8.0f samples per CPU-second%n",
        samples * NANOS / (os.getProcessCpuTime() - process));
  }
}
