package dev.descent.engine.bench;

import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.platform.FlushToZero;
import dev.descent.engine.spec.TrainingSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What Descent's training loop costs beyond the network update it drives: {@link MlpBench}'s job through
 * {@code TrainingEngine.run} (loss, gradient norm, learning-rate and progress reporting, Polyak hooks, cancellation
 * checks), against bare {@code MultiLayerNetwork.fit} calls on the same network configuration and minibatches.
 * Prints {@code loop} = bare samples/s over the engine's (goal ≤ 1.1), medians on the thread's CPU clock.
 */
public final class LoopOverheadBench {
  private LoopOverheadBench() {}

  public static void main(String[] args) {
    int measured = MlpBench.STEPS.start();
    double bare = MlpBench.BATCH / bare(MlpBench.STEPS.warmup(), measured).medianCpuSeconds();
    double engine = MlpBench.BATCH / new MlpBench.Run(MlpBench.STEPS.warmup(), measured).train().medianCpuSeconds();
    new BenchResult("loop_bare", bare, "samples/s").print();
    new BenchResult("loop_engine", engine, "samples/s").print();
    new BenchResult("loop", bare / engine, "x").print();
  }

  private static StepTimes bare(int warmup, int measured) {
    TrainingSpec spec = MlpBench.spec(warmup + measured);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    Minibatches batches = new Minibatches(data.train(), spec.batchSize(), spec.seed());
    batches.shuffle(0);
    MultiLayerNetwork network = NetworkFactory.build(spec, batches.batchCount());
    StepTimes times = new StepTimes(measured);
    try (FlushToZero ftz = FlushToZero.enable()) {
      for (int b = 0; b < warmup + measured; b++) {
        if (b == warmup) {
          times.start();
        }
        network.fit(batches.batch(b));
        network.score();
        if (b >= warmup) {
          times.lap();
        }
      }
    }
    return times;
  }
}
