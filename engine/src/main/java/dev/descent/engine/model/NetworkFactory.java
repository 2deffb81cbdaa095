package dev.descent.engine.model;

import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.spec.DenseLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.OptimizerKinds;
import dev.descent.engine.spec.OutputLayerSpec;
import dev.descent.engine.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Builds the DL4J network a spec describes: float32, weights seeded by the spec's seed, the updater from
 * {@link OptimizerSpecs#toUpdater}. A dense layer's {@code dropout} p becomes DL4J's retain probability 1 − p on
 * that layer's input.
 */
public final class NetworkFactory {
  private NetworkFactory() {}

  /** The configuration; {@code iterationsPerEpoch} lets epoch-based learning-rate schedules convert. */
  public static MultiLayerConfiguration configuration(TrainingSpec spec, int iterationsPerEpoch) {
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(spec.seed())
        .dataType(DataType.FLOAT)
        .weightInit(Dl4jNames.WEIGHT_INITS.get(spec.model().weightInit()))
        .updater(updater(spec, iterationsPerEpoch))
        .list();
    long inputs = spec.dataset().inputCount();
    int index = 0;
    for (LayerSpec layer : spec.model().layers()) {
      list.layer(index++, layer(layer, inputs));
      inputs = layer.outputCount(inputs);
    }
    return list.build();
  }

  /** An initialized network for the spec. */
  public static MultiLayerNetwork build(TrainingSpec spec, int iterationsPerEpoch) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec, iterationsPerEpoch));
    network.init();
    return network;
  }

  /** Full-batch optimizers move the parameters themselves: their networks get DL4J's no-op updater. */
  private static IUpdater updater(TrainingSpec spec, int iterationsPerEpoch) {
    return OptimizerKinds.isFullBatch(spec.optimizer())
        ? new NoOp()
        : OptimizerSpecs.toUpdater(spec.optimizer(), spec.schedule(), iterationsPerEpoch);
  }

  private static Layer layer(LayerSpec layer, long inputs) {
    if (layer instanceof DenseLayerSpec dense) {
      return dense(dense, inputs);
    }
    if (layer instanceof OutputLayerSpec output) {
      return output(output, inputs);
    }
    throw new IllegalArgumentException("no DL4J layer for " + layer);
  }

  private static Layer output(OutputLayerSpec output, long inputs) {
    return new OutputLayer.Builder(Dl4jNames.LOSSES.get(output.loss()))
        .nIn(inputs)
        .nOut(output.units())
        .activation(Dl4jNames.ACTIVATIONS.get(output.activation()))
        .weightInit(Dl4jNames.WEIGHT_INITS.get(output.weightInit()))
        .build();
  }

  private static Layer dense(DenseLayerSpec dense, long inputs) {
    DenseLayer.Builder builder = new DenseLayer.Builder()
        .nIn(inputs)
        .nOut(dense.units())
        .activation(Dl4jNames.ACTIVATIONS.get(dense.activation()))
        .weightInit(Dl4jNames.WEIGHT_INITS.get(dense.weightInit()));
    if (dense.dropout() > 0) {
      builder.dropOut(1 - dense.dropout());
    }
    return builder.build();
  }
}
