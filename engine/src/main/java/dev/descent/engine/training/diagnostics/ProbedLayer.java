package dev.descent.engine.training.diagnostics;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.spec.FlattenLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;

/**
 * A network layer the diagnostics report on, named {@code <spec index>:<spec type>} ({@code 0:dense},
 * {@code 1:batchnorm}, {@code 2:output}); {@code index} is its DL4J layer index (a {@code flatten} has none, so the two
 * differ after one); {@code rectified} when its activation is ReLU-family (its dead units are counted).
 */
record ProbedLayer(String name, int index, boolean rectified) {
  private static final Map<Class<?>, String> TYPES = Arrays.stream(
      LayerSpec.class.getAnnotation(JsonSubTypes.class).value())
      .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

  /** The layers of {@code network}, built from {@code specs}, in order. */
  static List<ProbedLayer> of(List<LayerSpec> specs, MultiLayerNetwork network) {
    List<ProbedLayer> layers = new ArrayList<>();
    int index = 0;
    for (int i = 0; i < specs.size(); i++) {
      LayerSpec spec = specs.get(i);
      if (spec instanceof FlattenLayerSpec) {
        continue;
      }
      Layer conf = network.getLayer(index).conf().getLayer();
      layers.add(new ProbedLayer(i + ":" + TYPES.get(spec.getClass()), index++, rectified(conf)));
    }
    return List.copyOf(layers);
  }

  private static boolean rectified(Layer conf) {
    IActivation activation = conf instanceof BaseLayer base ? base.getActivationFn()
        : conf instanceof ResidualBlock block ? block.getActivationFn() : null;
    return activation instanceof ActivationReLU || activation instanceof ActivationReLU6;
  }
}
