package dev.descent.engine.model;

import dev.descent.engine.init.WeightInits;
import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.groupnorm.GroupNorm;
import dev.descent.engine.layers.groupnorm.InstanceNorm;
import dev.descent.engine.layers.layernorm.LayerNorm;
import dev.descent.engine.layers.weightnorm.WeightNormDense;
import dev.descent.engine.spec.BatchNormLayerSpec;
import dev.descent.engine.spec.GroupNormLayerSpec;
import dev.descent.engine.spec.InstanceNormLayerSpec;
import dev.descent.engine.spec.LayerNormLayerSpec;
import dev.descent.engine.spec.WeightNormDenseLayerSpec;
import org.deeplearning4j.nn.conf.layers.Layer;

/** Our normalization layers ({@code dev.descent.engine.layers}) for the spec's norm layers; nIn from input types. */
final class NormLayers {
  private NormLayers() {}

  static Layer batchNorm(BatchNormLayerSpec b) {
    return new BatchNorm.Builder().momentum(b.momentum()).eps(b.eps())
        .activation(Dl4jNames.ACTIVATIONS.get(b.activation())).build();
  }

  static Layer layerNorm(LayerNormLayerSpec l) {
    return new LayerNorm.Builder().eps(l.eps()).activation(Dl4jNames.ACTIVATIONS.get(l.activation())).build();
  }

  static Layer groupNorm(GroupNormLayerSpec g) {
    return new GroupNorm.Builder().groups(g.groups()).eps(g.eps())
        .activation(Dl4jNames.ACTIVATIONS.get(g.activation())).build();
  }

  static Layer instanceNorm(InstanceNormLayerSpec i) {
    return new InstanceNorm.Builder().eps(i.eps()).activation(Dl4jNames.ACTIVATIONS.get(i.activation())).build();
  }

  static Layer weightNormDense(WeightNormDenseLayerSpec w) {
    return new WeightNormDense.Builder().nOut(w.units())
        .activation(Dl4jNames.ACTIVATIONS.get(w.activation()))
        .weightInit(WeightInits.create(w.weightInit()))
        .build();
  }
}
