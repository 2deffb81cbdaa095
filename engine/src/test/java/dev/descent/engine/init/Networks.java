package dev.descent.engine.init;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Small float64 networks for the init tests. */
final class Networks {
  private Networks() {}

  static MultiLayerConfiguration config(IWeightInit init, long seed, Activation hidden, int inputs) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.DOUBLE)
        .weightInit(init)
        .list()
        .layer(new DenseLayer.Builder().nIn(inputs).nOut(64).activation(hidden).build())
        .layer(new DenseLayer.Builder().nIn(64).nOut(48).activation(hidden).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(48).nOut(4).activation(Activation.SOFTMAX).build())
        .build();
  }

  static MultiLayerNetwork network(IWeightInit init, long seed, Activation hidden, int inputs) {
    MultiLayerNetwork network = new MultiLayerNetwork(config(init, seed, hidden, inputs));
    network.init();
    return network;
  }
}
