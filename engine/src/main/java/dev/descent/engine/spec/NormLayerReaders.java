package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.validation.FieldReader;
import java.util.Map;
import java.util.Set;

/** Readers of the normalization layers; each takes an optional activation applied after normalizing. */
final class NormLayerReaders {
  /** PyTorch's ε for every normalization layer. */
  static final double DEFAULT_EPS = 1e-5;
  static final double MAX_EPS = 1.0;
  static final String DEFAULT_ACTIVATION = "identity";
  static final int MAX_GROUPS = 65_536;
  private static final Set<String> NORM_FIELDS = Set.of("type", "eps", "activation");
  private static final Set<String> BATCH_NORM_FIELDS = Set.of("type", "eps", "activation", "momentum");
  private static final Set<String> GROUP_NORM_FIELDS = Set.of("type", "eps", "activation", "groups");
  private static final Set<String> DENSE_FIELDS = Set.of("type", "units", "activation", "weightInit", "biasInit");

  static final Map<String, LayerReader> READERS = Map.of(
      BatchNormLayerSpec.TYPE, NormLayerReaders::batchNorm,
      LayerNormLayerSpec.TYPE, NormLayerReaders::layerNorm,
      InstanceNormLayerSpec.TYPE, NormLayerReaders::instanceNorm,
      GroupNormLayerSpec.TYPE, NormLayerReaders::groupNorm,
      WeightNormDenseLayerSpec.TYPE, NormLayerReaders::weightNormDense);

  private NormLayerReaders() {}

  private record Common(double eps, String activation) {}

  private static Common common(ObjectNode node, String at, LayerReader.LayerContext context, Set<String> fields) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, fields);
    double eps = r.number(node, at, "eps", DEFAULT_EPS, Double.MIN_NORMAL, MAX_EPS);
    return new Common(eps, r.oneOf(node, at, "activation", DEFAULT_ACTIVATION, Vocabulary.ACTIVATIONS));
  }

  private static LayerSpec batchNorm(ObjectNode node, String at, LayerReader.LayerContext context) {
    Common c = common(node, at, context, BATCH_NORM_FIELDS);
    double momentum = context.reader().number(node, at, "momentum", BatchNormLayerSpec.DEFAULT_MOMENTUM, 0, 1);
    return new BatchNormLayerSpec(momentum, c.eps(), c.activation());
  }

  private static LayerSpec layerNorm(ObjectNode node, String at, LayerReader.LayerContext context) {
    Common c = common(node, at, context, NORM_FIELDS);
    return new LayerNormLayerSpec(c.eps(), c.activation());
  }

  private static LayerSpec instanceNorm(ObjectNode node, String at, LayerReader.LayerContext context) {
    Common c = common(node, at, context, NORM_FIELDS);
    return new InstanceNormLayerSpec(c.eps(), c.activation());
  }

  private static LayerSpec groupNorm(ObjectNode node, String at, LayerReader.LayerContext context) {
    Common c = common(node, at, context, GROUP_NORM_FIELDS);
    int groups = (int) context.reader().integer(node, at, "groups", null, 1, MAX_GROUPS);
    return new GroupNormLayerSpec(groups, c.eps(), c.activation());
  }

  private static LayerSpec weightNormDense(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, DENSE_FIELDS);
    int units = (int) r.integer(node, at, "units", null, 1, LayerReaders.MAX_UNITS);
    String activation = r.oneOf(node, at, "activation", DenseLayerSpec.DEFAULT_ACTIVATION, Vocabulary.ACTIVATIONS);
    WeightInitSpec init = new InitFields(r).weightInit(node, at, context.defaultWeightInit());
    return new WeightNormDenseLayerSpec(units, activation, init, new InitFields(r).layerBiasInit(node, at, false));
  }
}
