package dev.descent.engine.bench;

import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput of the small CNN on 1×28×28 input, batch 64, Adam, float32, built by the product's path
 * ({@link NetworkFactory} from a job spec): conv 3×3 16 (padding 1) → norm + ReLU → max-pool 2 → conv 3×3 32
 * (padding 1) → norm + ReLU → max-pool 2 → dense softmax 10. The norm is our batch norm, or with
 * {@code -Dbench.norm=groupnorm} our group norm with {@value #GROUPS} groups (result {@code cnn_gn}). With
 * {@code -Dbench.layers=dl4j} the convolution and pooling layers are DL4J's own (the layers jobs used before), for a
 * before/after comparison in one build. Random data in {@value #DISTINCT_BATCHES} fixed batches. Prints batch size /
 * median step time in samples/s, CPU clock ({@code cnn}) and wall clock ({@code cnn_wall}); see {@link StepTimes}.
 * Counterpart: {@code bench/torch_cnn.py} ({@code --norm group} for the group-norm variant).
 */
public final class CnnBench {
  static final int BATCH = 64;
  static final int SIDE = 28;
  static final int CLASSES = 10;
  static final int GROUPS = 4;
  static final int DISTINCT_BATCHES = 8;
  static final StepBudget STEPS = new StepBudget(10, 60);

  private CnnBench() {}

  public static void main(String[] args) {
    int measured = STEPS.start();
    boolean groupNorm = "groupnorm".equals(System.getProperty("bench.norm", "batchnorm"));
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(groupNorm,
        "dl4j".equals(System.getProperty("bench.layers"))));
    network.init();
    DataSet[] batches = IntStream.range(0, DISTINCT_BATCHES).mapToObj(i -> batch()).toArray(DataSet[]::new);
    for (int i = 0; i < STEPS.warmup(); i++) {
      network.fit(batches[i % DISTINCT_BATCHES]);
    }
    StepTimes times = new StepTimes(measured);
    times.start();
    for (int i = 0; i < measured; i++) {
      network.fit(batches[i % DISTINCT_BATCHES]);
      times.lap();
    }
    String name = groupNorm ? "cnn_gn" : "cnn";
    BenchResult.printThroughput(name, BATCH, times);
  }

  /**
   * The job spec of the benchmark network: Fashion-MNIST's 1×28×28 input shape (its files must be installed for the
   * spec to parse, by default {@code ../shared/datasets/fashion-mnist} beside the checkout; their data is not used).
   */
  static TrainingSpec spec(boolean groupNorm) {
    System.getProperties().putIfAbsent("descent.datasets.fashion-mnist", "../shared/datasets/fashion-mnist");
    String norm = groupNorm
        ? "{\"type\": \"groupnorm\", \"groups\": " + GROUPS + ", \"activation\": \"relu\"}"
        : "{\"type\": \"batchnorm\", \"activation\": \"relu\"}";
    String json = """
        {"seed": 7, "dataset": {"name": "fashion_mnist"},
         "model": {"weightInit": "relu", "layers": [
           {"type": "conv2d", "filters": 16, "kernel": 3, "padding": 1, "activation": "identity"}, %1$s,
           {"type": "maxpool2d", "kernel": 2},
           {"type": "conv2d", "filters": 32, "kernel": 3, "padding": 1, "activation": "identity"}, %1$s,
           {"type": "maxpool2d", "kernel": 2},
           {"type": "flatten"}, {"type": "output", "activation": "softmax", "loss": "mcxent"}]},
         "optimizer": {"type": "adam", "lr": 0.001}, "epochs": 1, "batchSize": %2$d}
        """.formatted(norm, BATCH);
    return SpecParser.parse(json, EngineLimits.DEFAULTS);
  }

  /** The network configuration of {@link #spec}; with {@code dl4jLayers}, DL4J's convolution and pooling. */
  static MultiLayerConfiguration configuration(boolean groupNorm, boolean dl4jLayers) {
    MultiLayerConfiguration configuration = NetworkFactory.configuration(spec(groupNorm), 1);
    if (!dl4jLayers) {
      return configuration;
    }
    return MultiLayerConfiguration.fromJson(configuration.toJson()
        .replace("dev.descent.engine.layers.conv.Conv2d", "org.deeplearning4j.nn.conf.layers.ConvolutionLayer")
        .replace("dev.descent.engine.layers.conv.Pool2d", "org.deeplearning4j.nn.conf.layers.SubsamplingLayer"));
  }

  /** Flat rows, as the engine feeds images, and one-hot labels. */
  private static DataSet batch() {
    int[] classes = IntStream.range(0, BATCH).map(i -> i % CLASSES).toArray();
    return new DataSet(Nd4j.rand(DataType.FLOAT, BATCH, SIDE * SIDE),
        Nd4j.eye(CLASSES).castTo(DataType.FLOAT).getRows(classes));
  }
}
