package dev.descent.engine.layers.bench;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import java.util.concurrent.TimeUnit;
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
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training iteration ({@code fit} on a batch of 64 1×28×28 float32 images) of conv 3×3 (16, ReLU) → norm →
 * max-pool 2 → conv 3×3 (32, ReLU) → norm → max-pool 2 → softmax output (10), with each normalization layer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NormCnnBenchmark {
  private static final int BATCH = 64;
  private static final int SIDE = 28;
  private static final int CLASSES = 10;
  private static final int GROUPS = 4;

  @Param({"dl4jBatchNormalization", "batchNorm", "groupNorm", "instanceNorm", "layerNorm"})
  public String norm;

  private MultiLayerNetwork net;
  private INDArray features;
  private INDArray labels;

  @Setup
  public void setUp() {
    Nd4j.getRandom().setSeed(1);
    features = Nd4j.rand(DataType.FLOAT, BATCH, 1, SIDE, SIDE);
    labels = Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES);
    for (int i = 0; i < BATCH; i++) {
      labels.putScalar(i, i % CLASSES, 1f);
    }
    net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
        .updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).activation(Activation.RELU).build())
        .layer(normLayer())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
        .layer(normLayer())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(SIDE, SIDE, 1))
        .build());
    net.init();
  }

  @Benchmark
  public MultiLayerNetwork trainingIteration() {
    net.fit(features, labels);
    return net;
  }

  private Layer normLayer() {
    return switch (norm) {
      case "dl4jBatchNormalization" -> new BatchNormalization.Builder().build();
      case "batchNorm" -> new BatchNorm.Builder().build();
      case "groupNorm" -> new GroupNorm.Builder().groups(GROUPS).build();
      case "instanceNorm" -> new InstanceNorm.Builder().build();
      case "layerNorm" -> new LayerNorm.Builder().build();
      default -> throw new IllegalArgumentException(norm);
    };
  }
}
