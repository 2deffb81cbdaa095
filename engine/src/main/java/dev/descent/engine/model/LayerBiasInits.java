package dev.descent.engine.model;

import dev.descent.engine.init.bias.BiasInit;
import dev.descent.engine.init.bias.BiasInitSpec;
import dev.descent.engine.spec.Conv2dLayerSpec;
import dev.descent.engine.spec.DenseLayerSpec;
import dev.descent.engine.spec.FlattenLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.MaxoutLayerSpec;
import dev.descent.engine.spec.ModelSpec;
import dev.descent.engine.spec.OutputLayerSpec;
import dev.descent.engine.spec.ResidualLayerSpec;
import dev.descent.engine.spec.WeightNormConv2dLayerSpec;
import dev.descent.engine.spec.WeightNormDenseLayerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The bias init of each DL4J layer a model builds: the layer's own {@code biasInit} when its spec has one, else the
 * model's. Layers are in the order {@link NetworkFactory} adds them: one per spec layer but {@code flatten}, a
 * residual block's inner layers (but {@code flatten}) in the block's place, as {@link BiasInit#apply(
 * org.deeplearning4j.nn.multilayer.MultiLayerNetwork, List, org.nd4j.linalg.api.ndarray.INDArray)} takes them.
 */
final class LayerBiasInits {
  private LayerBiasInits() {}

  static List<BiasInit> of(ModelSpec model) {
    BiasInit fallback = model.biasInit().init();
    List<BiasInit> out = new ArrayList<>();
    for (LayerSpec layer : model.layers()) {
      add(layer, fallback, out);
    }
    return out;
  }

  /** Appends the bias init of {@code layer}'s DL4J layer, or of each of a residual block's inner layers. */
  private static void add(LayerSpec layer, BiasInit fallback, List<BiasInit> out) {
    if (layer instanceof ResidualLayerSpec block) {
      block.layers().forEach(inner -> add(inner, fallback, out));
    } else if (!(layer instanceof FlattenLayerSpec)) {
      BiasInitSpec own = own(layer);
      out.add(own == null ? fallback : own.init());
    }
  }

  /** Whether every bias stays at DL4J's initial 0 (no pass over the network needed). */
  static boolean allZero(List<BiasInit> inits) {
    return inits.stream().allMatch(BiasInit.ZEROS::equals);
  }

  private static BiasInitSpec own(LayerSpec layer) {
    if (layer instanceof DenseLayerSpec d) {
      return d.biasInit();
    }
    if (layer instanceof OutputLayerSpec o) {
      return o.biasInit();
    }
    if (layer instanceof Conv2dLayerSpec c) {
      return c.biasInit();
    }
    if (layer instanceof WeightNormConv2dLayerSpec c) {
      return c.biasInit();
    }
    if (layer instanceof MaxoutLayerSpec m) {
      return m.biasInit();
    }
    return layer instanceof WeightNormDenseLayerSpec w ? w.biasInit() : null;
  }
}
