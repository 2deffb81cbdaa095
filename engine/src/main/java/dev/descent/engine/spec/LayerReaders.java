package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.validation.FieldReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of layer types a spec may use, each with its reader. */
final class LayerReaders {
  static final int MAX_UNITS = 1_000_000;
  private static final Set<String> DENSE_FIELDS = Set.of("type", "units", "activation", "weightInit", "dropout",
      "biasInit");
  private static final Set<String> OUTPUT_FIELDS = Set.of("type", "units", "activation", "loss", "weightInit",
      "biasInit");
  private static final double MAX_DROPOUT = 0.99;
  private static final Map<String, LayerReader> READERS = registry();

  private LayerReaders() {}

  private static Map<String, LayerReader> registry() {
    Map<String, LayerReader> readers = new HashMap<>();
    readers.put(DenseLayerSpec.TYPE, LayerReaders::dense);
    readers.put(OutputLayerSpec.TYPE, LayerReaders::output);
    readers.putAll(ConvLayerReaders.READERS);
    readers.putAll(NormLayerReaders.READERS);
    readers.put(ResidualLayerSpec.TYPE, ResidualLayerReader::read);
    return Map.copyOf(readers);
  }

  static Optional<LayerReader> forType(String type) {
    return Optional.ofNullable(READERS.get(type));
  }

  static Set<String> types() {
    return READERS.keySet();
  }

  private static LayerSpec dense(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, DENSE_FIELDS);
    int units = (int) r.integer(node, at, "units", null, 1, MAX_UNITS);
    String activation = r.oneOf(node, at, "activation", DenseLayerSpec.DEFAULT_ACTIVATION, Vocabulary.ACTIVATIONS);
    WeightInitSpec init = new InitFields(r).weightInit(node, at, context.defaultWeightInit());
    double dropout = r.number(node, at, "dropout", DenseLayerSpec.DEFAULT_DROPOUT, 0, MAX_DROPOUT);
    return new DenseLayerSpec(units, activation, init, dropout, new InitFields(r).layerBiasInit(node, at, false));
  }

  private static LayerSpec output(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, OUTPUT_FIELDS);
    DatasetSpec dataset = context.dataset();
    boolean classification = dataset == null || dataset.isClassification();
    long defaultUnits = dataset == null ? 1 : dataset.outputCount();
    int units = (int) r.integer(node, at, "units", defaultUnits, 1, MAX_UNITS);
    if (dataset != null && node.hasNonNull("units") && units != defaultUnits) {
      r.add(at + "/units", "must equal the dataset's " + (classification ? "class" : "target") + " count "
          + defaultUnits);
    }
    String activation =
        r.oneOf(node, at, "activation", classification ? "softmax" : "identity", Vocabulary.ACTIVATIONS);
    String loss = r.oneOf(node, at, "loss", classification ? "mcxent" : "mse", Vocabulary.LOSSES);
    WeightInitSpec init = new InitFields(r).weightInit(node, at, context.defaultWeightInit());
    return new OutputLayerSpec(units, activation, loss, init, new InitFields(r).layerBiasInit(node, at, true));
  }
}
