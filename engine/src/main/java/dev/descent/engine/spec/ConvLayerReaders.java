package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;
import dev.descent.engine.validation.FieldReader;
import java.util.Map;
import java.util.Set;

/** Readers of the convolutional model parts: convolutions, pooling, flatten and dropout. */
final class ConvLayerReaders {
  static final Map<String, LayerReader> READERS = Map.of(
      Conv2dLayerSpec.TYPE, ConvLayerReaders::readConv,
      WeightNormConv2dLayerSpec.TYPE, ConvLayerReaders::weightNormConv2d,
      MaxPool2dLayerSpec.TYPE, (node, at, context) -> pool(node, at, context, false),
      AvgPool2dLayerSpec.TYPE, (node, at, context) -> pool(node, at, context, true),
      GlobalAvgPoolLayerSpec.TYPE, (node, at, context) -> parameterless(node, at, context,
          new GlobalAvgPoolLayerSpec()),
      FlattenLayerSpec.TYPE, (node, at, context) -> parameterless(node, at, context, new FlattenLayerSpec()),
      DropoutLayerSpec.TYPE, ConvLayerReaders::dropout);
  static final int MAX_FILTERS = 65_536;
  static final double MAX_DROPOUT = 0.99;
  private static final Set<String> CONV_FIELDS =
      Set.of("type", "filters", "kernel", "stride", "padding", "activation", "weightInit", "biasInit");
  private static final Set<String> POOL_FIELDS = Set.of("type", "kernel", "stride");
  private static final Set<String> TYPE_ONLY = Set.of("type");
  private static final Set<String> DROPOUT_FIELDS = Set.of("type", "rate");

  private ConvLayerReaders() {}

  private static LayerSpec weightNormConv2d(ObjectNode node, String at, LayerReader.LayerContext context) {
    Conv2dLayerSpec c = readConv(node, at, context);
    return new WeightNormConv2dLayerSpec(c.filters(), c.kernel(), c.stride(), c.padding(), c.activation(),
        c.weightInit(), c.biasInit());
  }

  private static Conv2dLayerSpec readConv(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    WindowFields window = new WindowFields(r);
    r.rejectUnknownFields(node, at, CONV_FIELDS);
    int filters = (int) r.integer(node, at, "filters", null, 1, MAX_FILTERS);
    Size2 kernel = window.size(node, at, "kernel", null);
    Size2 stride = window.size(node, at, "stride", Size2.square(Conv2dLayerSpec.DEFAULT_STRIDE));
    Padding padding = window.padding(node, at);
    String activation = r.oneOf(node, at, "activation", Conv2dLayerSpec.DEFAULT_ACTIVATION, Vocabulary.ACTIVATIONS);
    WeightInitSpec init = new InitFields(r).weightInit(node, at, context.defaultWeightInit());
    BiasInitSpec bias = new InitFields(r).layerBiasInit(node, at, false);
    return new Conv2dLayerSpec(filters, kernel, stride, padding, activation, init, bias);
  }

  /** Pooling; the stride defaults to the kernel (non-overlapping windows). */
  private static LayerSpec pool(ObjectNode node, String at, LayerReader.LayerContext context, boolean average) {
    FieldReader r = context.reader();
    WindowFields window = new WindowFields(r);
    r.rejectUnknownFields(node, at, POOL_FIELDS);
    Size2 kernel = window.size(node, at, "kernel", null);
    Size2 stride = window.size(node, at, "stride", kernel);
    return average ? new AvgPool2dLayerSpec(kernel, stride) : new MaxPool2dLayerSpec(kernel, stride);
  }

  private static LayerSpec parameterless(ObjectNode node, String at, LayerReader.LayerContext context,
      LayerSpec layer) {
    context.reader().rejectUnknownFields(node, at, TYPE_ONLY);
    return layer;
  }

  private static LayerSpec dropout(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, DROPOUT_FIELDS);
    return new DropoutLayerSpec(r.number(node, at, "rate", null, 0, MAX_DROPOUT));
  }
}
