package dev.descent.engine.model;

import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.ResidualLayerSpec;
import dev.descent.engine.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The {@link ResidualBlock} of a spec's {@code residual} layer: its inner layers built as top-level ones would be
 * (on the shapes the spec's layers see inside the block; {@code flatten} adds none), configured by the network's
 * global builder (updater, weight init, data type), with the block's activation after the sum.
 */
final class ResidualLayers {
  private ResidualLayers() {}

  static Layer block(ResidualLayerSpec spec, Shape input, NeuralNetConfiguration.Builder global,
      BiFunction<LayerSpec, Shape, Optional<Layer>> layers) {
    List<Layer> inner = new ArrayList<>();
    Shape shape = input;
    for (LayerSpec layer : spec.layers()) {
      layers.apply(layer, shape).ifPresent(inner::add);
      shape = layer.outputShape(shape);
    }
    return new ResidualBlock.Builder()
        .layers(inner.toArray(Layer[]::new))
        .activation(Dl4jNames.ACTIVATIONS.get(spec.activation()).getActivationFunction())
        .build()
        .configureLayers(global);
  }
}
