package dev.descent.engine.layers.bench;

import static dev.descent.engine.layers.bench.TimingRounds.GROUPS;
import static dev.descent.engine.layers.bench.TimingRounds.THREADS;
import static dev.descent.engine.layers.bench.TimingRounds.interleave;
import static dev.descent.engine.layers.bench.TimingRounds.intArg;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread-CPU time of one training-mode forward and backward pass of each normalization layer alone, on the first
 * normalization's input of {@link NormCnnTiming}'s CNN: {@code [64, 16, 26, 26]} float32. Variants run interleaved;
 * reported are medians. Arguments: rounds (default 15), passes per round (default 10).
 */
public final class NormLayerTiming {
  private static final long[] SHAPE = {64, 16, 26, 26};

  private NormLayerTiming() {}

  public static void main(String[] args) {
    int rounds = intArg(args, 0, 15);
    int perRound = intArg(args, 1, 10);
    long channels = SHAPE[1];
    Map<String, Layer> layers = new LinkedHashMap<>();
    layers.put("DL4J BatchNormalization", layer(new BatchNormalization.Builder().nIn(channels).nOut(channels).build()));
    layers.put("our BatchNorm", layer(new BatchNorm.Builder().nIn(channels).build()));
    layers.put("our GroupNorm (G=4)", layer(new GroupNorm.Builder().groups(GROUPS).nIn(channels).build()));
    layers.put("our InstanceNorm", layer(new InstanceNorm.Builder().nIn(channels).build()));
    layers.put("our LayerNorm", layer(new LayerNorm.Builder().nIn(SHAPE[1] * SHAPE[2] * SHAPE[3]).build()));
    INDArray x = Nd4j.randn(DataType.FLOAT, SHAPE);
    INDArray dy = Nd4j.randn(DataType.FLOAT, SHAPE);
    layers.values().forEach(layer -> cpuMillisPerPass(layer, x, dy, perRound));
    Map<String, double[][]> samples =
        interleave(layers, rounds, layer -> new double[] {cpuMillisPerPass(layer, x, dy, perRound)});
    double base = median(samples.get("our BatchNorm")[0]);
    System.out.println("| layer alone | CPU ms per forward+backward (median) | vs our BN |");
    System.out.println("|---|---:|---:|");
    samples.forEach((name, s) -> System.out.printf("| %s | %.2f | %.2f× |%n", name, median(s[0]),
        median(s[0]) / base));
  }

  private static double cpuMillisPerPass(Layer layer, INDArray x, INDArray dy, int passes) {
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < passes; i++) {
      layer.setInput(x, noWorkspaces);
      layer.activate(true, noWorkspaces);
      layer.backpropGradient(dy, noWorkspaces);
    }
    return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / passes;
  }

  /** A standalone float32 layer of {@code config}, parameters and gradient views allocated (for timing mains). */
  public static Layer layer(org.deeplearning4j.nn.conf.layers.Layer config) {
    NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(config)
        .build();
    long numParams = conf.getLayer().initializer().numParams(conf);
    Layer layer = conf.getLayer().instantiate(conf, List.of(), 0, Nd4j.create(DataType.FLOAT, 1, numParams), true,
        DataType.FLOAT);
    layer.setBackpropGradientsViewArray(Nd4j.create(DataType.FLOAT, 1, numParams));
    return layer;
  }

  /** The median (upper median for an even count) of {@code values}. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
