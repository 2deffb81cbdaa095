package dev.descent.engine.bench;

import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.platform.NativeSetup;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.spi.ProgressSink;
import java.nio.file.Path;

/**
 * Training throughput of the 784-1024-256-10 ReLU MLP (batch 64, Adam, float32) through the product's path,
 * {@link TrainingEngine#run}; a progress sink times each step after the warm-up. Prints batch size / median step
 * time in samples/s, on the thread's CPU clock ({@code mlp}) and on the wall clock ({@code mlp_wall}); see
 * {@link StepTimes}. Counterpart: {@code bench/torch_mlp.py}, on the same data.
 *
 * <p>Data: by default synthetic 784-feature blobs, one epoch. With {@code -Dbench.idx=DIR} (an IDX folder, e.g. the
 * unlearnable noise {@code bench/side-by-side.sh} writes, or Fashion-MNIST) the first {@code bench.subset} training
 * images (default: exactly the steps' worth), scaled to [0, 1], for as many epochs as the steps need; a small subset
 * is memorised, so its loss goes to zero (the converging case). {@code bench.name} renames the result lines.
 */
public final class MlpBench {
  static final int BATCH = 64;
  static final StepBudget STEPS = new StepBudget(100, 150);

  private MlpBench() {}

  public static void main(String[] args) {
    int measured = STEPS.start();
    String name = System.getProperty("bench.name", "mlp");
    StepTimes times = new Run(STEPS.warmup(), measured).train();
    BenchResult.printThroughput(name, BATCH, times);
    new BenchResult(name + "_late_over_early", times.lateOverEarly(), "x").print();
    System.out.println("PLATFORM java " + NativeSetup.ensure().describeLoaded());
  }

  /** The benchmark spec: {@code steps} full batches over the data named by the system properties. */
  static TrainingSpec spec(int steps) {
    return spec(steps, "");
  }

  /** {@link #spec(int)} with {@code extraFields} (e.g. {@code , "diagnostics": {}}) added to its top level. */
  static TrainingSpec spec(int steps, String extraFields) {
    String idx = System.getProperty("bench.idx");
    int subset = BenchResult.intProperty("bench.subset", steps * BATCH);
    String dataset = idx == null
        ? "{\"name\": \"blobs\", \"samples\": %d, \"features\": 784, \"classes\": 10}".formatted(steps * BATCH)
        : "{\"name\": \"idx\", \"folder\": \"%s\", \"trainSubset\": %d, \"testSubset\": 64}"
            .formatted(Path.of(idx).getFileName(), subset);
    if (idx != null) {
      System.setProperty(DataFolder.PROPERTY, Path.of(idx).toAbsolutePath().getParent().toString());
    }
    String json = """
        {"seed": 7, "dataset": %s,
         "model": {"weightInit": "relu", "layers": [
           {"type": "dense", "units": 1024, "activation": "relu"},
           {"type": "dense", "units": 256, "activation": "relu"},
           {"type": "output", "activation": "softmax", "loss": "mcxent"}]},
         "optimizer": {"type": "adam", "lr": 0.001}, "epochs": %d, "batchSize": %d%s}
        """.formatted(dataset.replace("}", ", \"validationSplit\": 0, \"standardize\": false}"),
            (steps * BATCH + subset - 1) / subset, BATCH, extraFields);
    return SpecParser.parse(json, EngineLimits.DEFAULTS);
  }

  /** One timed training run; the progress sink stamps the clock at every step. */
  static final class Run implements ProgressSink {
    private final int warmup;
    private final int last;
    private final StepTimes times;
    private final String extraFields;

    private final Runnable afterStep;

    Run(int warmup, int measured) {
      this(warmup, measured, "", () -> {});
    }

    /** A run of {@link #spec(int, String)} that calls {@code afterStep} after timing each step. */
    Run(int warmup, int measured, String extraFields, Runnable afterStep) {
      this.extraFields = extraFields;
      this.afterStep = afterStep;
      this.warmup = warmup;
      this.last = warmup + measured;
      this.times = new StepTimes(measured);
    }

    /** Trains on the calling thread and returns the measured steps' times. */
    StepTimes train() {
      TrainingContext ctx = new TrainingContext(MetricSink.NONE, CheckpointSink.NONE, this,
          CancellationToken.NEVER, null);
      TrainingOutcome outcome = new TrainingEngine().run(spec(last, extraFields), ctx);
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
      afterStep.run();
    }
  }
}
