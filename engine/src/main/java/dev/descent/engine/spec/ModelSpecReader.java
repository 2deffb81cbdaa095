package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.bias.BiasInitSpec;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code /model}: the default weight and bias inits and the layer stack, which must end in one output layer. */
final class ModelSpecReader {
  private static final String AT = "/model";
  private static final String LAYERS_AT = AT + "/layers";
  private static final Set<String> FIELDS = Set.of("weightInit", "layers", "biasInit");

  private final FieldReader reader;
  private final int maxLayers;

  ModelSpecReader(FieldReader reader, int maxLayers) {
    this.reader = reader;
    this.maxLayers = maxLayers;
  }

  /** The model spec; {@code dataset} is null when the dataset part was invalid. */
  ModelSpec read(JsonNode node, DatasetSpec dataset) {
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return new ModelSpec(ModelSpec.DEFAULT_WEIGHT_INIT, List.of(), InitFields.DEFAULT_BIAS_INIT);
    }
    InitFields inits = new InitFields(reader);
    WeightInitSpec init = inits.weightInit(o, AT, ModelSpec.DEFAULT_WEIGHT_INIT);
    BiasInitSpec bias = inits.biasInit(o, AT);
    JsonNode layers = reader.field(o, AT, "layers", true);
    if (layers == null) {
      return new ModelSpec(init, List.of(), bias);
    }
    if (!layers.isArray() || layers.isEmpty()) {
      reader.add(LAYERS_AT, "must be a non-empty array of layers");
      return new ModelSpec(init, List.of(), bias);
    }
    if (layers.size() > maxLayers) {
      reader.add(LAYERS_AT, "at most " + maxLayers + " layers, got " + layers.size());
    }
    ModelSpec model =
        new ModelSpec(init, readLayers(layers, new LayerReader.LayerContext(reader, init, dataset)), bias);
    if (dataset != null && model.layers().size() == layers.size()) {
      ShapeChecks.check(reader, model, dataset, LAYERS_AT);
    }
    return model;
  }

  private List<LayerSpec> readLayers(JsonNode layers, LayerReader.LayerContext context) {
    List<LayerSpec> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String at = LAYERS_AT + "/" + i;
      String type = LayerReaders.typeOf(layers.get(i), at, reader);
      if (type == null) {
        continue;
      }
      LayerReaders.read(type, layers.get(i), at, context, reader, out);
      boolean last = i == layers.size() - 1;
      if (OutputLayerSpec.TYPE.equals(type) != last) {
        reader.add(at + "/type",
            last ? "the last layer must be an output layer" : "only the last layer may be an output layer");
      }
    }
    return out;
  }
}
