package dev.descent.engine.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Two training jobs at once on the two cores against one alone: each job is {@link MlpBench}'s run on its own
 * thread with its own network, native libraries on one thread per job ({@code OMP_NUM_THREADS=1}). Prints the pair's
 * total samples/s over one job's alone (ideal: 2), on the wall clock ({@code two_jobs}: what the two cores deliver,
 * foreign load included) and on each thread's CPU clock ({@code two_jobs_cpu}: what running side by side costs each
 * job in shared caches and memory bandwidth).
 */
public final class TwoJobsBench {
  static final int JOBS = 2;

  private TwoJobsBench() {}

  public static void main(String[] args) {
    int steps = MlpBench.STEPS.start();
    List<StepTimes> alone = List.of(new MlpBench.Run(MlpBench.STEPS.warmup(), steps).train());
    List<StepTimes> together = Stream.generate(() -> startJob(steps))
        .limit(JOBS)
        .toList()
        .stream()
        .map(CompletableFuture::join)
        .toList();
    print("two_jobs", alone, together, StepTimes::medianWallSeconds);
    print("two_jobs_cpu", alone, together, StepTimes::medianCpuSeconds);
  }

  private static CompletableFuture<StepTimes> startJob(int steps) {
    return CompletableFuture.supplyAsync(() -> new MlpBench.Run(MlpBench.STEPS.warmup(), steps).train(),
        job -> new Thread(job, "bench-job").start());
  }

  private static void print(String name, List<StepTimes> alone, List<StepTimes> together,
      ToDoubleFunction<StepTimes> secondsPerStep) {
    new BenchResult(name, samplesPerSecond(together, secondsPerStep) / samplesPerSecond(alone, secondsPerStep), "x")
        .print();
  }

  private static double samplesPerSecond(List<StepTimes> jobs, ToDoubleFunction<StepTimes> secondsPerStep) {
    return jobs.stream().mapToDouble(job -> MlpBench.BATCH / secondsPerStep.applyAsDouble(job)).sum();
  }
}
