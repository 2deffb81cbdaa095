package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.optim.updater.AdamConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * One Adam step on 10M float32 parameters, as DL4J runs it: the updater turns the gradient into the update in place
 * ({@code applyUpdater}), then the parameters take {@code p -= update}. Times the engine's {@link AdamConfig} (the
 * product's Adam) and, for comparison, DL4J's {@link Adam} (a fused native op). The bandwidth floor is measured
 * with a streaming pass ({@code a += b}: 3 × 40 MB moved) and scaled to Adam's minimum traffic, reading
 * {@code p, g, m, v} and writing {@code p, m, v} once: 7 × 40 MB. Prints the median ms per step on the thread's CPU
 * clock (see {@link StepTimes}; the fastest streaming pass for the floor). Counterpart:
 * {@code bench/torch_adam_step.py}.
 */
public final class AdamStepBench {
  static final int PARAMETERS = 10_000_000;
  static final StepBudget STEPS = new StepBudget(5, 30);
  static final double ADAM_MIN_PASSES = 7;
  static final double STREAM_PASSES = 3;

  private AdamStepBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    new BenchResult("adam_step", millisPerStep(new AdamConfig()), "ms").print();
    new BenchResult("adam_step_dl4j_fused", millisPerStep(new Adam()), "ms").print();
    new BenchResult("adam_floor", streamMillis() * ADAM_MIN_PASSES / STREAM_PASSES, "ms").print();
  }

  static double millisPerStep(IUpdater config) {
    INDArray params = Nd4j.rand(DataType.FLOAT, 1, PARAMETERS);
    INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, PARAMETERS);
    INDArray original = gradient.dup();
    INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(PARAMETERS));
    GradientUpdater<?> updater = config.instantiate(state, true);
    StepTimes times = new StepTimes(STEPS.measured());
    for (int i = 0; i < STEPS.total(); i++) {
      gradient.assign(original);
      if (i >= STEPS.warmup()) {
        times.start();
      }
      updater.applyUpdater(gradient, i, 0);
      params.subi(gradient);
      if (i >= STEPS.warmup()) {
        times.lap();
      }
    }
    return times.medianCpuSeconds() * 1e3;
  }

  static double streamMillis() {
    INDArray a = Nd4j.rand(DataType.FLOAT, 1, PARAMETERS);
    INDArray b = Nd4j.rand(DataType.FLOAT, 1, PARAMETERS);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < STEPS.total(); i++) {
      long start = System.nanoTime();
      a.addi(b);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best / 1e6;
  }
}
