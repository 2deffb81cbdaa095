package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.optim.updater.AdamConfig;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Training throughput of the small CNN on 1×28×28 input, batch 64, the engine's Adam, float32:
 * conv 3×3 16 (padding 1) → batch norm → ReLU → max-pool 2 → conv 3×3 32 (padding 1) → batch norm → ReLU →
 * max-pool 2 → dense softmax 10. Batch norm is DL4J's {@link BatchNormalization} for now. Random data in
 * {@value #DISTINCT_BATCHES} fixed batches. Prints batch size / median step time in samples/s, CPU clock
 * ({@code cnn}) and wall clock ({@code cnn_wall}); see {@link StepTimes}. Counterpart: {@code bench/torch_cnn.py}.
 */
public final class CnnBench {
  static final int BATCH = 64;
  static final int SIDE = 28;
  static final int CLASSES = 10;
  static final int DISTINCT_BATCHES = 8;
  static final int WARMUP_STEPS = 10;
  static final int MEASURED_STEPS = 60;

  private CnnBench() {}

  public static void main(String[] args) {
    NativeThreads.configureDefault();
    int measured = BenchResult.intProperty("bench.steps", MEASURED_STEPS);
    MultiLayerNetwork network = new MultiLayerNetwork(configuration());
    network.init();
    DataSet[] batches = IntStream.range(0, DISTINCT_BATCHES).mapToObj(i -> batch()).toArray(DataSet[]::new);
    for (int i = 0; i < WARMUP_STEPS; i++) {
      network.fit(batches[i % DISTINCT_BATCHES]);
    }
    StepTimes times = new StepTimes(measured);
    times.start();
    for (int i = 0; i < measured; i++) {
      network.fit(batches[i % DISTINCT_BATCHES]);
      times.lap();
    }
    new BenchResult("cnn", BATCH / times.medianCpuSeconds(), "samples/s").print();
    new BenchResult("cnn_wall", BATCH / times.medianWallSeconds(), "samples/s").print();
  }

  static MultiLayerConfiguration configuration() {
    return new NeuralNetConfiguration.Builder()
        .seed(7)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.RELU)
        .updater(new AdamConfig())
        .list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).padding(1, 1).activation(Activation.IDENTITY).build())
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).padding(1, 1).activation(Activation.IDENTITY).build())
        .layer(new BatchNormalization.Builder().activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(SIDE, SIDE, 1))
        .build();
  }

  private static DataSet batch() {
    int[] classes = IntStream.range(0, BATCH).map(i -> i % CLASSES).toArray();
    return new DataSet(Nd4j.rand(DataType.FLOAT, BATCH, 1, SIDE, SIDE),
        Nd4j.eye(CLASSES).castTo(DataType.FLOAT).getRows(classes));
  }
}
