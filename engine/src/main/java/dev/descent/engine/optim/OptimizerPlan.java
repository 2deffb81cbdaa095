package dev.descent.engine.optim;

import dev.descent.engine.layers.residual.ResidualBlock;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Everything a training loop needs to run one optimizer spec on a DL4J network:
 *
 * <ol>
 *   <li>{@link #applyTo(NeuralNetConfiguration.Builder)} sets the updater on the network builder;
 *   <li>{@link #applyTo(MultiLayerConfiguration)} sets the weight-decay regularizations on every layer of the BUILT
 *       configuration, weights and biases alike (PyTorch's {@code weight_decay} acts on every parameter; DL4J runs
 *       {@code L2Regularization} before the updater and {@code WeightDecay} after it, PyTorch's orders). Not through
 *       the builder: DL4J 1.0.0-M2.1's {@code configureBaseLayer} runs twice and appends any regularization other
 *       than L1/L2 a second time, so a builder-given {@code WeightDecay} decays twice per step;
 *   <li>{@code clipping}: call {@link GradientClipping#apply} from a listener's {@code onBackwardPass}.
 * </ol>
 */
public record OptimizerPlan(IUpdater updater, List<Regularization> regularization, GradientClipping clipping) {
  public OptimizerPlan {
    regularization = List.copyOf(regularization);
  }

  /** Sets the updater on a network builder. */
  public NeuralNetConfiguration.Builder applyTo(NeuralNetConfiguration.Builder builder) {
    return builder.updater(updater);
  }

  /**
   * Sets the regularizations (own copies) on every parameterized layer of a built configuration, the layers inside
   * residual blocks included.
   */
  public MultiLayerConfiguration applyTo(MultiLayerConfiguration configuration) {
    for (NeuralNetConfiguration conf : configuration.getConfs()) {
      for (Layer layer : ResidualBlock.expand(conf.getLayer())) {
        if (layer instanceof BaseLayer base) {
          base.setRegularization(new ArrayList<>(regularization));
          base.setRegularizationBias(new ArrayList<>(regularization));
        }
      }
    }
    return configuration;
  }
}
