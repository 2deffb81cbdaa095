package dev.descent.engine.model;

import dev.descent.engine.init.WeightInits;
import dev.descent.engine.layers.maxout.Maxout;
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
import dev.descent.engine.spec.MaxoutLayerSpec;
import dev.descent.engine.spec.WeightNormConv2dLayerSpec;
import dev.descent.engine.spec.WeightNormDenseLayerSpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * The DL4J layer of each spec layer beyond dense and output; {@code flatten} has none (DL4J's preprocessors flatten).
 * A dropout rate p becomes DL4J's retain probability 1 − p.
 */
final class Dl4jLayers {
  /** The builder of each spec layer type's DL4J layer. */
  private static final Map<Class<? extends LayerSpec>, Function<LayerSpec, Layer>> LAYERS = Map.ofEntries(
      Map.entry(Conv2dLayerSpec.class, l -> SpatialLayers.conv((Conv2dLayerSpec) l)),
      Map.entry(WeightNormConv2dLayerSpec.class, l -> SpatialLayers.weightNormConv((WeightNormConv2dLayerSpec) l)),
      Map.entry(MaxPool2dLayerSpec.class, l -> SpatialLayers.maxPool((MaxPool2dLayerSpec) l)),
      Map.entry(AvgPool2dLayerSpec.class, l -> SpatialLayers.avgPool((AvgPool2dLayerSpec) l)),
      Map.entry(GlobalAvgPoolLayerSpec.class, l -> new GlobalPoolingLayer.Builder(PoolingType.AVG).build()),
      Map.entry(DropoutLayerSpec.class, l -> new DropoutLayer.Builder(1 - ((DropoutLayerSpec) l).rate()).build()),
      Map.entry(BatchNormLayerSpec.class, l -> NormLayers.batchNorm((BatchNormLayerSpec) l)),
      Map.entry(LayerNormLayerSpec.class, l -> NormLayers.layerNorm((LayerNormLayerSpec) l)),
      Map.entry(GroupNormLayerSpec.class, l -> NormLayers.groupNorm((GroupNormLayerSpec) l)),
      Map.entry(InstanceNormLayerSpec.class, l -> NormLayers.instanceNorm((InstanceNormLayerSpec) l)),
      Map.entry(WeightNormDenseLayerSpec.class, l -> NormLayers.weightNormDense((WeightNormDenseLayerSpec) l)),
      Map.entry(MaxoutLayerSpec.class, l -> maxout((MaxoutLayerSpec) l)));

  private Dl4jLayers() {}

  private static Layer maxout(MaxoutLayerSpec m) {
    return new Maxout.Builder().nOut(m.units()).pieces(m.pieces()).weightInit(WeightInits.create(m.weightInit()))
        .build();
  }

  /** The layer, or empty for {@code flatten}. */
  static Optional<Layer> of(LayerSpec layer) {
    if (layer instanceof FlattenLayerSpec) {
      return Optional.empty();
    }
    Function<LayerSpec, Layer> builder = LAYERS.get(layer.getClass());
    if (builder == null) {
      throw new IllegalArgumentException("no DL4J layer for " + layer);
    }
    return Optional.of(builder.apply(layer));
  }
}
