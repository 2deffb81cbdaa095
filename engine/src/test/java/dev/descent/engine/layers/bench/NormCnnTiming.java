package dev.descent.engine.layers.bench;

import static dev.descent.engine.layers.bench.NormLayerTiming.median;
import static dev.descent.engine.layers.bench.TimingRounds.GROUPS;
import static dev.descent.engine.layers.bench.TimingRounds.THREADS;
import static dev.descent.engine.layers.bench.TimingRounds.interleave;
import static dev.descent.engine.layers.bench.TimingRounds.intArg;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Per-iteration time ({@code fit} on one batch of 64 1×28×28 float32 images) of conv 3×3 (16, ReLU) → norm →
 * max-pool 2 → conv 3×3 (32, ReLU) → norm → max-pool 2 → softmax output (10), for each normalization layer. The
 * variants run interleaved, round by round, so that load from other processes spreads over all of them; reported are
 * medians of wall time and of the calling thread's CPU time (ND4J runs on that thread with OMP_NUM_THREADS=1), the
 * latter being robust to a shared machine. Arguments: rounds (default 15), iterations per round (default 4).
 */
public final class NormCnnTiming {
  /** The input: a batch of 64 1×28×28 images. */
  private static final long[] INPUT = {64, 1, 28, 28};
  private static final int CLASSES = 10;
  private static final int WARMUP_ITERATIONS = 5;

  private NormCnnTiming() {}

  public static void main(String[] args) {
    int rounds = intArg(args, 0, 15);
    int perRound = intArg(args, 1, 4);
    Map<String, Supplier<Layer>> variants = new LinkedHashMap<>();
    variants.put("DL4J BatchNormalization", () -> new BatchNormalization.Builder().build());
    variants.put("our BatchNorm", () -> new BatchNorm.Builder().build());
    variants.put("our GroupNorm (G=4)", () -> new GroupNorm.Builder().groups(GROUPS).build());
    variants.put("our InstanceNorm", () -> new InstanceNorm.Builder().build());
    variants.put("our LayerNorm", () -> new LayerNorm.Builder().build());
    INDArray features = Nd4j.rand(DataType.FLOAT, INPUT);
    INDArray labels = Nd4j.eye(CLASSES).castTo(DataType.FLOAT).repeat(0, INPUT[0] / CLASSES + 1)
        .get(NDArrayIndex.interval(0, INPUT[0]));
    Map<String, MultiLayerNetwork> nets = new LinkedHashMap<>();
    variants.forEach((name, norm) -> nets.put(name, network(norm)));
    nets.values().forEach(net -> time(net, features, labels, WARMUP_ITERATIONS));
    report(interleave(nets, rounds, net -> time(net, features, labels, perRound)));
  }

  /** Mean wall and thread-CPU milliseconds per iteration over {@code iterations} fits. */
  private static double[] time(MultiLayerNetwork net, INDArray features, INDArray labels, int iterations) {
    long wall = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < iterations; i++) {
      net.fit(features, labels);
    }
    return new double[] {(System.nanoTime() - wall) / 1e6 / iterations,
        (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / iterations};
  }

  private static void report(Map<String, double[][]> samples) {
    double baseWall = median(samples.get("our BatchNorm")[0]);
    double baseCpu = median(samples.get("our BatchNorm")[1]);
    System.out.println("| layer | wall ms/iter (median) | CPU ms/iter (median) | wall vs our BN | CPU vs our BN |");
    System.out.println("|---|---:|---:|---:|---:|");
    samples.forEach((name, s) -> System.out.printf("| %s | %.1f | %.1f | %.2f× | %.2f× |%n", name, median(s[0]),
        median(s[1]), median(s[0]) / baseWall, median(s[1]) / baseCpu));
  }

  private static MultiLayerNetwork network(Supplier<Layer> norm) {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
        .dataType(DataType.FLOAT).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
        .layer(norm.get())
        .layer(maxPool())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
        .layer(norm.get())
        .layer(maxPool())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(INPUT[2], INPUT[3], INPUT[1]))
        .build());
    net.init();
    return net;
  }

  private static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
  }
}
