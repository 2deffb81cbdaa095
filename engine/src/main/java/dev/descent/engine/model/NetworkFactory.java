package dev.descent.engine.model;

import dev.descent.engine.data.Samples;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.optim.UpdaterSpec;
import dev.descent.engine.layers.dense.Dense;
import dev.descent.engine.spec.DenseLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.OutputLayerSpec;
import dev.descent.engine.spec.ResidualLayerSpec;
import dev.descent.engine.spec.Shape;
import dev.descent.engine.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Builds the DL4J network a spec describes: float32, weights seeded by the spec's seed, the updater and
 * weight decay from {@link OptimizerSpecs#plan}. A dense layer's {@code dropout} p becomes DL4J's retain probability
 * 1 − p on
 * that layer's input. Layers are wired by DL4J input types ({@link InputTypes}), which infer {@code nIn} and insert
 * the reshaping preprocessors between images and feature vectors. A {@code residual} layer becomes one composite
 * layer ({@link ResidualLayers}).
 */
public final class NetworkFactory {
  private NetworkFactory() {}

  /** The configuration; {@code iterationsPerEpoch} lets epoch-based learning-rate schedules convert. */
  public static MultiLayerConfiguration configuration(TrainingSpec spec, int iterationsPerEpoch) {
    NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
        .seed(spec.seed())
        .dataType(DataType.FLOAT)
        .weightInit(WeightInits.create(spec.model().weightInit()))
        .updater(updater(spec, iterationsPerEpoch));
    NeuralNetConfiguration.ListBuilder list = global.list();
    Shape shape = spec.model().inputShape(spec.dataset());
    int index = 0;
    for (LayerSpec layer : spec.model().layers()) {
      Layer first = index == 0 && !shape.image() && layer instanceof DenseLayerSpec dense
          ? dense(dense, shape.size(), false) : null;
      for (Layer dl4j : (first != null ? Optional.of(first) : layer(layer, shape, global)).stream().toList()) {
        list.layer(index++, dl4j);
      }
      shape = layer.outputShape(shape);
    }
    InputTypes.declare(list, spec.model().inputShape(spec.dataset()));
    MultiLayerConfiguration configuration = list.build();
    if (spec.optimizerSpec() instanceof UpdaterSpec updater) {
      // PyTorch's weight_decay (L2 before the update; AdamW's decoupled decay after it) on every parameter.
      OptimizerSpecs.plan(updater, spec.scheduleSpec(), iterationsPerEpoch).applyTo(configuration);
    }
    return configuration;
  }

  /** An initialized network for the spec, before any data-dependent initialization. */
  public static MultiLayerNetwork build(TrainingSpec spec, int iterationsPerEpoch) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec, iterationsPerEpoch));
    network.init();
    return network;
  }

  /** Full-batch optimizers move the parameters themselves: their networks get DL4J's no-op updater. */
  private static IUpdater updater(TrainingSpec spec, int iterationsPerEpoch) {
    return spec.optimizerSpec() instanceof UpdaterSpec updater
        ? OptimizerSpecs.plan(updater, spec.scheduleSpec(), iterationsPerEpoch).updater()
        : new NoOp();
  }

  /** An initialized network for the spec, with the bias init and LSUV it asks for done on {@code train}. */
  public static MultiLayerNetwork build(TrainingSpec spec, int iterationsPerEpoch, Samples train) {
    MultiLayerNetwork network = build(spec, iterationsPerEpoch);
    DataDependentInit.apply(network, spec, train);
    return network;
  }

  /** The DL4J layer of a spec layer fed {@code input} (none for {@code flatten}). */
  private static Optional<Layer> layer(LayerSpec layer, Shape input, NeuralNetConfiguration.Builder global) {
    if (layer instanceof DenseLayerSpec dense) {
      return Optional.of(dense(dense, input.size(), true));
    }
    if (layer instanceof OutputLayerSpec output) {
      return Optional.of(output(output, input.size()));
    }
    if (layer instanceof ResidualLayerSpec residual) {
      return Optional.of(ResidualLayers.block(residual, input, global, (inner, shape) -> layer(inner, shape, global)));
    }
    return Dl4jLayers.of(layer);
  }

  private static Layer output(OutputLayerSpec output, long inputs) {
    return new OutputLayer.Builder(Dl4jNames.LOSSES.get(output.loss()))
        .nIn(inputs)
        .nOut(output.units())
        .activation(Dl4jNames.ACTIVATIONS.get(output.activation()))
        .weightInit(WeightInits.create(output.weightInit()))
        .build();
  }

  /**
   * Descent's {@link Dense} layer; {@code inputGradient} false for a first layer over flat features, whose input
   * gradient nobody reads.
   */
  private static Layer dense(DenseLayerSpec dense, long inputs, boolean inputGradient) {
    DenseLayer.Builder builder = new DenseLayer.Builder()
        .nIn(inputs)
        .nOut(dense.units())
        .activation(Dl4jNames.ACTIVATIONS.get(dense.activation()))
        .weightInit(WeightInits.create(dense.weightInit()));
    if (dense.dropout() > 0) {
      builder.dropOut(1 - dense.dropout());
    }
    return Dense.of(builder.build(), inputGradient);
  }
}
