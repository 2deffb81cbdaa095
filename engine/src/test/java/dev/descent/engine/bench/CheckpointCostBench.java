package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.training.NetworkSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a checkpoint costs on the 784-1024-256-10 MLP (1.07M parameters, Adam): the copy the training thread makes
 * ({@code network.clone()}: parameters, updater state, counters) and the model zip the checkpoint thread then writes
 * ({@link NetworkSnapshots#write}), each against one training step, on the thread's CPU clock (medians of
 * interleaved rounds). Run: see docs/benchmarks.md.
 */
public final class CheckpointCostBench {
  static final int ROUNDS = 15;
  static final int STEPS_PER_ROUND = 5;

  private CheckpointCostBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    TrainingSpec spec = MlpBench.spec(4);
    MultiLayerNetwork network = NetworkFactory.build(spec, 4);
    Nd4j.getRandom().setSeed(1);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 64, 10);
    for (int i = 0; i < 64; i++) {
      labels.putScalar(i, i % 10, 1f);
    }
    DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 64, 784), labels);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] copies = new double[ROUNDS];
    double[] writes = new double[ROUNDS];
    double[] steps = new double[ROUNDS];
    int size = 0;
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int s = 0; s < STEPS_PER_ROUND; s++) {
        network.fit(batch);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      MultiLayerNetwork copy = network.clone();
      long t2 = cpu.getCurrentThreadCpuTime();
      size = NetworkSnapshots.write(copy).length;
      long t3 = cpu.getCurrentThreadCpuTime();
      steps[r] = (t1 - t0) / 1e6 / STEPS_PER_ROUND;
      copies[r] = (t2 - t1) / 1e6;
      writes[r] = (t3 - t2) / 1e6;
    }
    double copy = median(copies);
    double write = median(writes);
    double step = median(steps);
    new BenchResult("fit_step", step, "ms").print();
    new BenchResult("checkpoint_copy_training_thread", copy, "ms").print();
    new BenchResult("checkpoint_write_checkpoint_thread", write, "ms").print();
    new BenchResult("checkpoint_copy_in_steps", copy / step, "steps").print();
    new BenchResult("checkpoint_write_in_steps", write / step, "steps").print();
    new BenchResult("checkpoint_size", size / 1e6, "MB").print();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
