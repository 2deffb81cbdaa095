package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Two training jobs at once on the two cores against one alone: each job is {@link MlpBench}'s run on its own
 * thread with its own network, native libraries on one thread per job ({@code OMP_NUM_THREADS=1}). Prints the total
 * samples/s of the pair divided by the samples/s of one job alone (ideal: 2).
 */
public final class TwoJobsBench {
  static final int JOBS = 2;

  private TwoJobsBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    int steps = BenchResult.intProperty("bench.steps", MlpBench.MEASURED_STEPS);
    double alone = new MlpBench.Run(MlpBench.WARMUP_STEPS, steps).samplesPerSecond();
    double together = Stream.generate(() -> startJob(steps))
        .limit(JOBS)
        .toList()
        .stream()
        .mapToDouble(CompletableFuture::join)
        .sum();
    new BenchResult("one_job", alone, "samples/s").print();
    new BenchResult("two_jobs", together, "samples/s").print();
    new BenchResult("two_jobs_ratio", together / alone, "x").print();
  }

  private static CompletableFuture<Double> startJob(int steps) {
    return CompletableFuture.supplyAsync(() -> new MlpBench.Run(MlpBench.WARMUP_STEPS, steps).samplesPerSecond(),
        job -> new Thread(job, "bench-job").start());
  }
}
