package dev.descent.engine.init.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.validation.Violation;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class BiasInitTests {
  private static final double[] MARGINALS = {0.5, 0.3, 0.15, 0.05};
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reluBiasGoesToReluLayersOnly() {
    MultiLayerNetwork network = network();
    new BiasInit(BiasInit.Kind.RELU, 0.1, false).apply(network, null);
    assertThat(network.getLayer(0).getParam("b").toDoubleVector()).containsOnly(0.1);
    assertThat(network.getLayer(1).getParam("b").toDoubleVector()).containsOnly(0.0);
    assertThat(network.getLayer(2).getParam("b").toDoubleVector()).containsOnly(0.0);
  }

  @Test
  void constantGoesEverywhere() {
    MultiLayerNetwork network = network();
    new BiasInit(BiasInit.Kind.CONSTANT, -0.3, false).apply(network, null);
    for (int layer = 0; layer < 3; layer++) {
      assertThat(network.getLayer(layer).getParam("b").toDoubleVector()).containsOnly(-0.3);
    }
  }

  @Test
  void softmaxOutputPriorPredictsTheLabelMarginals() {
    MultiLayerNetwork network = network();
    INDArray labels = oneHotLabels();
    new BiasInit(BiasInit.Kind.ZERO, 0, true).apply(network, labels);
    double[] bias = network.getOutputLayer().getParam("b").toDoubleVector();
    for (int j = 0; j < MARGINALS.length; j++) {
      assertThat(bias[j]).isCloseTo(Math.log(MARGINALS[j]), within(1e-12));
    }
    network.getOutputLayer().getParam("W").assign(0);
    double[] predicted = network.output(Nd4j.randn(DataType.DOUBLE, 1, 5)).toDoubleVector();
    assertThat(predicted).containsExactly(MARGINALS, within(1e-12));
  }

  @Test
  void sigmoidPriorIsTheLogitAndRegressionPriorTheMean() {
    INDArray labels = Nd4j.createFromArray(new double[][] {{1, 2}, {0, 4}, {0, 6}, {1, 0}});
    assertThat(OutputPrior.bias(new ActivationSigmoid(), labels)[0]).isCloseTo(0.0, within(1e-12));
    assertThat(OutputPrior.bias(new ActivationSigmoid(), labels.getColumns(0).muli(0))[0])
        .isCloseTo(Math.log(OutputPrior.MIN_PROBABILITY / (1 - OutputPrior.MIN_PROBABILITY)), within(1e-9));
    assertThat(OutputPrior.bias(new ActivationIdentity(), labels)).containsExactly(0.5, 3.0);
  }

  @Test
  void specsParseAndViolationsNameTheirField() throws Exception {
    assertThat(BiasInit.fromSpec(JSON.readTree("\"relu\"")))
        .isEqualTo(new BiasInit(BiasInit.Kind.RELU, BiasInit.DEFAULT_RELU_BIAS, false));
    assertThat(BiasInit.fromSpec(JSON.readTree("{\"type\":\"constant\",\"value\":0.2,\"outputPrior\":true}")))
        .isEqualTo(new BiasInit(BiasInit.Kind.CONSTANT, 0.2, true));
    assertThat(BiasInit.validate(JSON.readTree("{\"type\":\"zero\",\"value\":1,\"outputPrior\":1}"), "/model/b"))
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/model/b/value", "/model/b/outputPrior");
    assertThat(BiasInit.validate(JSON.readTree("{\"type\":\"one\"}"), "/b"))
        .extracting(Violation::pointer)
        .containsExactly("/b/type");
  }

  private static INDArray oneHotLabels() {
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, 100, MARGINALS.length);
    int row = 0;
    for (int j = 0; j < MARGINALS.length; j++) {
      for (int r = 0; r < Math.round(MARGINALS[j] * 100); r++) {
        labels.putScalar(row++, j, 1.0);
      }
    }
    return labels;
  }

  private static MultiLayerNetwork network() {
    MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
        .seed(1)
        .dataType(DataType.DOUBLE)
        .list()
        .layer(new DenseLayer.Builder().nIn(5).nOut(8).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(8).nOut(8).activation(Activation.TANH).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(4).activation(Activation.SOFTMAX).build())
        .build());
    network.init();
    return network;
  }
}
