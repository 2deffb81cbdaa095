package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.validation.FieldReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The registry of layer types a spec may use, each with its reader. */
final class LayerReaders {
  static final int MAX_UNITS = 1_000_000;
  private static final Set<String> DENSE_FIELDS = Set.of("type", "units", "activation", "weightInit", "dropout",
      "biasInit");
  private static final Set<String> OUTPUT_FIELDS = Set.of("type", "units", "activation", "loss", "weightInit",
      "biasInit");
  private static final Set<String> MAXOUT_FIELDS = Set.of("type", "units", "pieces", "weightInit", "biasInit");
  private static final double MAX_DROPOUT = 0.99;
  private static final Map<String, LayerReader> READERS = registry();

  private LayerReaders() {}

  private static Map<String, LayerReader> registry() {
    Map<String, LayerReader> readers = new HashMap<>();
    readers.put(DenseLayerSpec.TYPE, LayerReaders::dense);
    readers.put(OutputLayerSpec.TYPE, LayerReaders::output);
    readers.put(MaxoutLayerSpec.TYPE, LayerReaders::maxout);
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

  /** {@code maxout}: {@code units} and {@code pieces}, with at most {@value #MAX_UNITS} pieces in all. */
  private static LayerSpec maxout(ObjectNode node, String at, LayerReader.LayerContext context) {
    FieldReader r = context.reader();
    r.rejectUnknownFields(node, at, MAXOUT_FIELDS);
    int units = (int) r.integer(node, at, "units", null, 1, MAX_UNITS);
    int pieces = (int) r.integer(node, at, "pieces", (long) MaxoutLayerSpec.DEFAULT_PIECES, 1,
        MaxoutLayerSpec.MAX_PIECES);
    if ((long) units * pieces > MAX_UNITS) {
      r.add(at + "/pieces", "units × pieces must be at most " + MAX_UNITS + ", got " + (long) units * pieces);
    }
    WeightInitSpec init = new InitFields(r).weightInit(node, at, context.defaultWeightInit());
    return new MaxoutLayerSpec(units, pieces, init, new InitFields(r).layerBiasInit(node, at, false));
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

  /** The type of the layer object at {@code at}, or null (the violation recorded) when it is no object or has none. */
  static String typeOf(JsonNode node, String at, FieldReader reader) {
    if (!node.isObject()) {
      reader.add(at, "must be an object with a \"type\"");
      return null;
    }
    return reader.text((ObjectNode) node, at, "type", null, Integer.MAX_VALUE);
  }

  /** Reads the layer of {@code type} at {@code at} into {@code out}, or records that the type is unknown. */
  static void read(String type, JsonNode node, String at, LayerReader.LayerContext context, FieldReader reader,
      List<LayerSpec> out) {
    forType(type).ifPresentOrElse(
        r -> out.add(r.read((ObjectNode) node, at, context)),
        () -> reader.add(at + "/type", "unknown layer type '" + type + "', expected one of "
            + new TreeSet<>(types())));
  }
}
