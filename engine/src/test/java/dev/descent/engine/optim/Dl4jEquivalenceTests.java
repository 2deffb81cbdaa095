package dev.descent.engine.optim;

import static dev.descent.engine.support.JsonText.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.playground.FirstOrderMethod;
import dev.descent.engine.playground.TestFunction;
import dev.descent.engine.playground.TrajectoryPoint;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The playground's update loop ({@link FirstOrderMethod}: L2 before the updater, decoupled decay after it, then
 * {@code params -= update}) is exactly what DL4J's {@code MultiLayerNetwork.fit} does with the same
 * {@link OptimizerPlan}: so the reference tests, which run through the playground, prove the DL4J training path too,
 * weight decay included. The gradient is the network's own loss gradient (one example, so DL4J's division by the
 * batch size is exact).
 */
class Dl4jEquivalenceTests {
  @ParameterizedTest
  @ValueSource(strings = {
      "{'type': 'adamw', 'lr': 0.01, 'weight_decay': 0.1}",
      "{'type': 'adam', 'lr': 0.01, 'weight_decay': 0.1, 'amsgrad': true}",
      "{'type': 'sgd', 'lr': 0.1, 'momentum': 0.9, 'weight_decay': 0.05}",
      "{'type': 'asgd', 'lr': 0.1, 'lambd': 0.01, 't0': 2}",
      "{'type': 'rprop', 'lr': 0.01}"})
  void fitTakesTheSameStepsAsThePlayground(String spec) throws Exception {
    OptimizerPlan plan = OptimizerSpecs.plan(quoted(spec), null, 1);
    MultiLayerConfiguration conf = Dl4jTrainingTests.configuration(plan);
    MultiLayerNetwork trained = new MultiLayerNetwork(conf);
    trained.init();
    DataSet one = Dl4jTrainingTests.data().get(0);
    MultiLayerNetwork probe = new MultiLayerNetwork(conf.clone());
    probe.init();
    double[] start = trained.params().toDoubleVector();
    List<TrajectoryPoint> path = new FirstOrderMethod(plan).run(lossOf(probe, one), start, 6);
    for (TrajectoryPoint point : path) {
      trained.fit(one);
      assertThat(trained.params().toDoubleVector()).as("step %d", point.t())
          .containsExactly(point.x(), within(1e-14));
    }
  }

  /** The network's data loss (no regularization: DL4J's updater adds that) as a function of its parameters. */
  private static TestFunction lossOf(MultiLayerNetwork net, DataSet data) {
    return new TestFunction() {
      @Override
      public int dimension() {
        return (int) net.numParams();
      }

      @Override
      public double value(double[] x) {
        net.setParams(Nd4j.createFromArray(x).reshape(1, x.length));
        return net.score(data);
      }

      @Override
      public double[] gradient(double[] x) {
        net.setParams(Nd4j.createFromArray(x).reshape(1, x.length));
        net.setInput(data.getFeatures());
        net.setLabels(data.getLabels());
        net.computeGradientAndScore();
        return net.gradient().gradient().toDoubleVector();
      }
    };
  }
}
