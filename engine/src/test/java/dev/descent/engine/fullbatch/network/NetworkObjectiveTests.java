package dev.descent.engine.fullbatch.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.fullbatch.FullBatchOptimizers;
import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.StepRecord;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class NetworkObjectiveTests {

  static MultiLayerNetwork mlp(int hidden) {
    return mlp(hidden, new Sgd());
  }

  /** Softmax regression (hidden = 0) or a tanh MLP with one hidden layer on iris, float64, seeded. */
  static MultiLayerNetwork mlp(int hidden, IUpdater updater) {
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(42).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(updater).list();
    if (hidden > 0) {
      layers.layer(new DenseLayer.Builder().nIn(4).nOut(hidden).activation(Activation.TANH).build());
    }
    MultiLayerConfiguration conf = layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(hidden > 0 ? hidden : 4).nOut(3).activation(Activation.SOFTMAX).build()).build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  @Test
  void gradientMatchesCentralDifferencesOfTheScore() throws Exception {
    DataSet iris = Iris.load();
    NetworkObjective objective = new NetworkObjective(mlp(5), iris);
    double[] x = objective.parameters();
    Evaluation e = objective.evaluate(x);
    for (int i = 0; i < x.length; i++) {
      double h = 1e-6;
      double[] plus = x.clone();
      plus[i] += h;
      double[] minus = x.clone();
      minus[i] -= h;
      double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
      assertThat(e.g()[i]).as("∂f/∂θ" + i).isCloseTo(numeric, within(1e-7 * Math.max(1, Math.abs(numeric))));
    }
  }

  @Test
  void blocksAreTheLayersParameterRanges() throws Exception {
    NetworkObjective objective = new NetworkObjective(mlp(5), Iris.load());
    assertThat(objective.blocks(objective.parameters().length))
        .containsExactly(new Block(0, 4 * 5 + 5), new Block(25, 25 + 5 * 3 + 3));
  }

  @Test
  void stepLeavesTheNetworkAtTheNewPointWithALowerScore() throws Exception {
    DataSet iris = Iris.load();
    MultiLayerNetwork net = mlp(0);
    NetworkObjective objective = new NetworkObjective(net, iris);
    double before = objective.value(objective.parameters());
    StepRecord record = objective.step(FullBatchOptimizers.create(new ObjectMapper().readTree(
        "{\"type\": \"lbfgs\", \"line_search_fn\": \"strong_wolfe\"}")));
    assertThat(net.params().toDoubleVector()).containsExactly(record.x());
    assertThat(net.score(iris)).isLessThan(before);
  }

  @Test
  void refusesRegularizedNetworks() {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
        .l2(1e-3).list().layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3)
            .activation(Activation.SOFTMAX).build()).build());
    net.init();
    assertThatThrownBy(() -> new NetworkObjective(net, new DataSet()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularization");
  }
}
