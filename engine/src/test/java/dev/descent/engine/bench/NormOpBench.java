package dev.descent.engine.bench;

import static dev.descent.engine.layers.bench.NormLayerTiming.layer;
import static dev.descent.engine.layers.bench.NormLayerTiming.median;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Our batch, group, instance and layer norm (training mode, identity activation) against libnd4j's own
 * {@code batchnorm} + {@code batchnorm_bp} ops, side by side on the same conv activation {@code [64, 16, 28, 28]}
 * float32 (the CNN benchmark's first normalization input). The op pair gets the batch mean and variance precomputed
 * and preallocated outputs, so it is the op's time alone; our layers run as a network calls them (statistics,
 * parameter gradients, the copies into DL4J's arrays; no workspaces here, so those are fresh arrays). Variants
 * alternate within every round; printed are thread-CPU medians per forward+backward and the ratio to the op pair
 * (goal ≤ 1.5). Arguments: rounds (default 15), passes per round (default 10).
 */
public final class NormOpBench {
  private static final long[] SHAPE = {64, 16, 28, 28};
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private NormOpBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    INDArray x = Nd4j.randn(DataType.FLOAT, SHAPE);
    INDArray dy = Nd4j.randn(DataType.FLOAT, SHAPE);
    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put("libnd4j batchnorm+batchnorm_bp ops", opPair(x, dy));
    variants.put("our BatchNorm", pass(layer(new BatchNorm.Builder().nIn(SHAPE[1]).build()), x, dy));
    variants.put("our GroupNorm (G=4)", pass(layer(new GroupNorm.Builder().groups(4).nIn(SHAPE[1]).build()), x, dy));
    variants.put("our InstanceNorm", pass(layer(new InstanceNorm.Builder().nIn(SHAPE[1]).build()), x, dy));
    variants.put("our LayerNorm", pass(layer(new LayerNorm.Builder().nIn(x.length() / SHAPE[0]).build()), x, dy));
    Map<String, double[]> millis = new LinkedHashMap<>();
    variants.forEach((name, run) -> millis.put(name, new double[rounds]));
    variants.values().forEach(run -> cpuMillis(run, passes));
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Runnable> variant : variants.entrySet()) {
        millis.get(variant.getKey())[round] = cpuMillis(variant.getValue(), passes);
      }
    }
    double op = median(millis.get("libnd4j batchnorm+batchnorm_bp ops"));
    System.out.println("| " + Arrays.toString(SHAPE) + " float32 | CPU ms forward+backward (median) | vs op pair |");
    System.out.println("|---|---:|---:|");
    millis.forEach((name, m) -> System.out.printf("| %s | %.3f | %.2f× |%n", name, median(m), median(m) / op));
  }

  private static Runnable opPair(INDArray x, INDArray dy) {
    int[] axes = {0, 2, 3};
    INDArray mean = x.mean(axes);
    INDArray var = x.var(false, axes);
    INDArray gamma = Nd4j.ones(DataType.FLOAT, SHAPE[1]);
    INDArray beta = Nd4j.zeros(DataType.FLOAT, SHAPE[1]);
    INDArray y = x.ulike();
    INDArray dx = x.ulike();
    INDArray[] small = {mean.ulike(), mean.ulike(), mean.ulike(), mean.ulike()};
    return () -> {
      Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, var, gamma, beta).addOutputs(y)
          .addIntegerArguments(1, 1, 1).addFloatingPointArguments(1e-5).build());
      Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp").addInputs(x, mean, var, gamma, beta, dy)
          .addOutputs(dx, small[0], small[1], small[2], small[3]).addIntegerArguments(1, 1, 1)
          .addFloatingPointArguments(1e-5).build());
    };
  }

  private static Runnable pass(Layer layer, INDArray x, INDArray dy) {
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    return () -> {
      layer.setInput(x, noWorkspaces);
      layer.activate(true, noWorkspaces);
      layer.backpropGradient(dy, noWorkspaces);
    };
  }

  private static double cpuMillis(Runnable run, int passes) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < passes; i++) {
      run.run();
    }
    return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / passes;
  }
}
