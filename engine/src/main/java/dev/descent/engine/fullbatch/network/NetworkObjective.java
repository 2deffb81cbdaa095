package dev.descent.engine.fullbatch.network;

import dev.descent.engine.fullbatch.core.Block;
import dev.descent.engine.fullbatch.core.Evaluation;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The full-batch loss of a {@link MultiLayerNetwork} on a fixed {@link DataSet}, f(θ) = the network's score (the
 * loss averaged over the examples), as a function of its flat parameter vector θ ({@code net.params()}). Each
 * evaluation writes θ with {@code setParams}, runs {@code computeGradientAndScore()} and reads the flattened
 * gradient view, which DL4J 1.0.0-M2.1 leaves summed over the batch (its updater divides later): it is divided by
 * the example count here. The score would include L1/L2 penalties the raw gradient lacks, and dropout would make f
 * random, so networks with either are refused.
 */
public final class NetworkObjective implements Objective {
  private final MultiLayerNetwork network;
  private final DataSet data;
  private final int examples;

  public NetworkObjective(MultiLayerNetwork network, DataSet data) {
    requireDeterministicUnregularized(network);
    this.network = network;
    this.data = data;
    this.examples = data.numExamples();
  }

  /** One step of {@code optimizer} from the network's current parameters, which are left at the new point. */
  public StepRecord step(FullBatchOptimizer optimizer) {
    double[] x = parameters();
    StepRecord record = optimizer.step(this, x);
    setParameters(x);
    return record;
  }

  /** A copy of the network's flat parameters. */
  public double[] parameters() {
    return network.params().toDoubleVector();
  }

  public void setParameters(double[] x) {
    network.setParams(Nd4j.create(x).reshape(network.params().shape()).castTo(network.params().dataType()));
  }

  @Override
  public Evaluation evaluate(double[] x) {
    setParameters(x);
    network.setInput(data.getFeatures());
    network.setLabels(data.getLabels());
    network.computeGradientAndScore();
    double[] summed = network.gradient().gradient().toDoubleVector();
    return new Evaluation(network.score(), Vectors.scaled(1.0 / examples, summed));
  }

  @Override
  public double value(double[] x) {
    return evaluate(x).f();
  }

  @Override
  public double[] gradient(double[] x) {
    return evaluate(x).g();
  }

  /** One block per layer that has parameters, in the order of the flat vector. */
  @Override
  public List<Block> blocks(int dimension) {
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    for (Layer layer : network.getLayers()) {
      int size = (int) layer.numParams();
      if (size > 0) {
        blocks.add(new Block(from, from + size));
        from += size;
      }
    }
    return blocks;
  }

  private static void requireDeterministicUnregularized(MultiLayerNetwork network) {
    List<NeuralNetConfiguration> confs = network.getLayerWiseConfigurations().getConfs();
    for (int i = 0; i < confs.size(); i++) {
      org.deeplearning4j.nn.conf.layers.Layer conf = confs.get(i).getLayer();
      if (conf.getIDropout() != null) {
        throw new IllegalArgumentException("layer " + i + " has dropout: a full-batch objective must be deterministic");
      }
      if (conf instanceof BaseLayer base
          && !(base.getRegularization().isEmpty() && base.getRegularizationBias().isEmpty())) {
        throw new IllegalArgumentException("layer " + i + " has L1/L2 regularization, which DL4J's raw gradient "
            + "lacks: a full-batch optimizer needs f and ∇f of the same function");
      }
    }
  }
}
