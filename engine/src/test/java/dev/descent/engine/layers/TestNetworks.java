package dev.descent.engine.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small float64 networks around one layer under test, and seeded data for them. */
public final class TestNetworks {
  public static final int FEATURES = 4;
  public static final int IMAGE_SIZE = 6;
  public static final int CLASSES = 3;
  private static final long SEED = 12345;

  private TestNetworks() {}

  /** {@code [N, 4]} → dense(6, tanh) → layer → softmax output. */
  static MultiLayerNetwork dense(Layer layer, IUpdater updater) {
    return network(builder(updater)
        .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
        .layer(layer)
        .layer(output())
        .setInputType(InputType.feedForward(FEATURES)));
  }

  /** 1×6×6 images → 3×3 convolution (4 channels, tanh) → layer → softmax output. */
  static MultiLayerNetwork conv(Layer layer, IUpdater updater) {
    return network(builder(updater)
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).build())
        .layer(layer)
        .layer(output())
        .setInputType(InputType.convolutional(IMAGE_SIZE, IMAGE_SIZE, 1)));
  }

  /** {@link #conv} for a layer of {@link LayerCases} that takes images, else {@link #dense}. */
  static MultiLayerNetwork around(boolean conv, Layer layer, IUpdater updater) {
    return conv ? conv(layer, updater) : dense(layer, updater);
  }

  /** Seeded standard normal features shaped for {@code net}'s input: {@code [n, 4]} or {@code [n, 1, 6, 6]}. */
  public static INDArray features(boolean images, int n, long seed) {
    Nd4j.getRandom().setSeed(seed);
    long[] shape = images ? new long[] {n, 1, IMAGE_SIZE, IMAGE_SIZE} : new long[] {n, FEATURES};
    return Nd4j.randn(DataType.DOUBLE, shape).muli(2).addi(0.5);
  }

  /** Seeded one-hot labels {@code [n, 3]}. */
  public static INDArray labels(int n, long seed) {
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, n, CLASSES);
    for (int i = 0; i < n; i++) {
      labels.putScalar(i, (int) ((i + seed) % CLASSES), 1.0);
    }
    return labels;
  }

  private static NeuralNetConfiguration.ListBuilder builder(IUpdater updater) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.DOUBLE).updater(updater)
        .weightInit(WeightInit.XAVIER).list();
  }

  private static OutputLayer output() {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
        .activation(Activation.SOFTMAX).build();
  }

  private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder builder) {
    MultiLayerConfiguration conf = builder.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }
}
