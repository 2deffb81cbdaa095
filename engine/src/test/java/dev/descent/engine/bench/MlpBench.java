package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.spi.ProgressSink;

/**
 * Training throughput of the 784-1024-256-10 ReLU MLP (batch 64, Adam, float32) through the product's path,
 * {@link TrainingEngine#run}: one epoch of synthetic 784-feature blobs; a progress sink times each step after the
 * warm-up (the end-of-epoch evaluation and final checkpoint fall outside). Prints batch size / median step time in
 * samples/s, on the thread's CPU clock ({@code mlp}) and on the wall clock ({@code mlp_wall}); see
 * {@link StepTimes}. Counterpart: {@code bench/torch_mlp.py}.
 */
public final class MlpBench {
  static final int BATCH = 64;
  static final int WARMUP_STEPS = 20;
  static final int MEASURED_STEPS = 150;

  private MlpBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    int measured = BenchResult.intProperty("bench.steps", MEASURED_STEPS);
    StepTimes times = new Run(WARMUP_STEPS, measured).train();
    new BenchResult("mlp", BATCH / times.medianCpuSeconds(), "samples/s").print();
    new BenchResult("mlp_wall", BATCH / times.medianWallSeconds(), "samples/s").print();
  }

  /** The benchmark spec: one epoch of exactly {@code steps} full batches. */
  static TrainingSpec spec(int steps) {
    String json = """
        {"seed": 7, "dataset": {"name": "blobs", "samples": %d, "features": 784, "classes": 10,
          "validationSplit": 0, "standardize": false},
         "model": {"weightInit": "relu", "layers": [
           {"type": "dense", "units": 1024, "activation": "relu"},
           {"type": "dense", "units": 256, "activation": "relu"},
           {"type": "output", "activation": "softmax", "loss": "mcxent"}]},
         "optimizer": {"type": "adam", "lr": 0.001}, "epochs": 1, "batchSize": %d}
        """.formatted(steps * BATCH, BATCH);
    return SpecParser.parse(json, EngineLimits.DEFAULTS);
  }

  /** One timed training run; the progress sink stamps the clock at every step. */
  static final class Run implements ProgressSink {
    private final int warmup;
    private final int last;
    private final StepTimes times;

    Run(int warmup, int measured) {
      this.warmup = warmup;
      this.last = warmup + measured;
      this.times = new StepTimes(measured);
    }

    /** Trains on the calling thread and returns the measured steps' times. */
    StepTimes train() {
      TrainingContext ctx = new TrainingContext(MetricSink.NONE, CheckpointSink.NONE, this,
          CancellationToken.NEVER, null);
      TrainingOutcome outcome = new TrainingEngine().run(spec(last), ctx);
      if (outcome.status() != TrainingOutcome.Status.SUCCEEDED) {
        throw new IllegalStateException("benchmark run failed: " + outcome);
      }
      return times;
    }

    @Override
    public void progress(Progress progress) {
      if (progress.iteration() > warmup) {
        times.lap();
      } else if (progress.iteration() == warmup) {
        times.start();
      }
    }
  }
}
