package dev.descent.engine.layers.residual;

import dev.descent.engine.layers.TestNetworks;
import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small float64 networks with residual blocks, and seeded data for them. */
final class ResidualNetworks {
  static final int FEATURES = TestNetworks.FEATURES;
  static final int SIDE = TestNetworks.IMAGE_SIZE;
  static final int CLASSES = TestNetworks.CLASSES;
  private static final long SEED = 12345;

  private ResidualNetworks() {}

  /** {@code [N, 4]} → dense(6, tanh) → residual[dense(6, tanh), dense(6, identity)], tanh → softmax(3). */
  static MultiLayerNetwork dense(IUpdater updater, double dropoutRetain) {
    NeuralNetConfiguration.Builder global = global(updater);
    DenseLayer.Builder first = new DenseLayer.Builder().nOut(6).activation(Activation.TANH);
    if (dropoutRetain < 1) {
      first.dropOut(dropoutRetain);
    }
    ResidualBlock block = new ResidualBlock.Builder()
        .layers(first.build(), new DenseLayer.Builder().nOut(6).activation(Activation.IDENTITY).build())
        .activation(Activation.TANH.getActivationFunction())
        .build().configureLayers(global);
    return network(global.list()
        .layer(new DenseLayer.Builder().nOut(6).activation(Activation.TANH).build())
        .layer(block)
        .layer(output())
        .setInputType(InputType.feedForward(FEATURES)));
  }

  /**
   * 1×6×6 images → conv 3×3 (4 channels, tanh) → residual[conv 3×3 same (identity), our batch norm (tanh),
   * conv 3×3 same (identity), our group norm (2 groups)], tanh → softmax(3).
   */
  static MultiLayerNetwork conv(IUpdater updater) {
    return conv(updater, WorkspaceMode.ENABLED);
  }

  /** {@link #conv(IUpdater)} under the given training and inference workspace mode. */
  static MultiLayerNetwork conv(IUpdater updater, WorkspaceMode workspaces) {
    NeuralNetConfiguration.Builder global = global(updater).trainingWorkspaceMode(workspaces)
        .inferenceWorkspaceMode(workspaces);
    ResidualBlock block = new ResidualBlock.Builder()
        .layers(sameConv(), new BatchNorm.Builder().activation(Activation.TANH).build(), sameConv(),
            new GroupNorm.Builder().groups(2).build())
        .activation(Activation.TANH.getActivationFunction())
        .build().configureLayers(global);
    return network(global.list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).build())
        .layer(block)
        .layer(output())
        .setInputType(InputType.convolutional(SIDE, SIDE, 1)));
  }

  private static ConvolutionLayer sameConv() {
    return new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same)
        .activation(Activation.IDENTITY).build();
  }

  /** Seeded standard normal features: {@code [n, 4]} or {@code [n, 1, 6, 6]} (the norm layers' test inputs). */
  static INDArray features(boolean images, int n, long seed) {
    return TestNetworks.features(images, n, seed);
  }

  /** Seeded one-hot labels {@code [n, 3]}. */
  static INDArray labels(int n, long seed) {
    return TestNetworks.labels(n, seed);
  }

  private static NeuralNetConfiguration.Builder global(IUpdater updater) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.DOUBLE).updater(updater)
        .weightInit(WeightInit.XAVIER);
  }

  private static OutputLayer output() {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
        .activation(Activation.SOFTMAX).build();
  }

  private static MultiLayerNetwork network(NeuralNetConfiguration.ListBuilder builder) {
    MultiLayerNetwork net = new MultiLayerNetwork(builder.build());
    net.init();
    return net;
  }
}
