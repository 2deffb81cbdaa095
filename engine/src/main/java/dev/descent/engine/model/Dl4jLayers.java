package dev.descent.engine.model;

import dev.descent.engine.spec.AvgPool2dLayerSpec;
import dev.descent.engine.spec.BatchNormLayerSpec;
import dev.descent.engine.spec.Conv2dLayerSpec;
import dev.descent.engine.spec.DropoutLayerSpec;
import dev.descent.engine.spec.FlattenLayerSpec;
import dev.descent.engine.spec.GlobalAvgPoolLayerSpec;
import dev.descent.engine.spec.GroupNormLayerSpec;
import dev.descent.engine.spec.InstanceNormLayerSpec;
import dev.descent.engine.spec.LayerNormLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.MaxPool2dLayerSpec;
import dev.descent.engine.spec.WeightNormConv2dLayerSpec;
import dev.descent.engine.spec.WeightNormDenseLayerSpec;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * The DL4J layer of each spec layer beyond dense and output; {@code flatten} has none (DL4J's preprocessors flatten).
 * A dropout rate p becomes DL4J's retain probability 1 − p.
 */
final class Dl4jLayers {
  private Dl4jLayers() {}

  /** The layer, or empty for {@code flatten}. */
  static Optional<Layer> of(LayerSpec layer) {
    if (layer instanceof FlattenLayerSpec) {
      return Optional.empty();
    }
    return Optional.of(layer instanceof BatchNormLayerSpec || layer instanceof LayerNormLayerSpec
        || layer instanceof GroupNormLayerSpec || layer instanceof InstanceNormLayerSpec
        || layer instanceof WeightNormDenseLayerSpec ? norm(layer) : spatial(layer));
  }

  private static Layer spatial(LayerSpec layer) {
    if (layer instanceof Conv2dLayerSpec c) {
      return SpatialLayers.conv(c);
    }
    if (layer instanceof WeightNormConv2dLayerSpec c) {
      return SpatialLayers.weightNormConv(c);
    }
    if (layer instanceof MaxPool2dLayerSpec p) {
      return SpatialLayers.maxPool(p);
    }
    if (layer instanceof AvgPool2dLayerSpec p) {
      return SpatialLayers.avgPool(p);
    }
    if (layer instanceof GlobalAvgPoolLayerSpec) {
      return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
    }
    if (layer instanceof DropoutLayerSpec d) {
      return new DropoutLayer.Builder(1 - d.rate()).build();
    }
    throw new IllegalArgumentException("no DL4J layer for " + layer);
  }

  private static Layer norm(LayerSpec layer) {
    if (layer instanceof BatchNormLayerSpec b) {
      return NormLayers.batchNorm(b);
    }
    if (layer instanceof LayerNormLayerSpec l) {
      return NormLayers.layerNorm(l);
    }
    if (layer instanceof GroupNormLayerSpec g) {
      return NormLayers.groupNorm(g);
    }
    if (layer instanceof InstanceNormLayerSpec i) {
      return NormLayers.instanceNorm(i);
    }
    return NormLayers.weightNormDense((WeightNormDenseLayerSpec) layer);
  }
}
