package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.init.bias.BiasInit;
import dev.descent.engine.init.bias.BiasInitSpec;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.Violation;
import java.util.List;

/**
 * Reads {@code weightInit} and {@code biasInit} fields: a name or an object, validated by
 * {@link WeightInits#validate} and {@link BiasInit#validate}, the only places their formats are defined. The value
 * is kept as written (name or object) in the canonical spec.
 */
final class InitFields {
  static final BiasInitSpec DEFAULT_BIAS_INIT = BiasInit.parse(TextNode.valueOf("zero"));

  private final FieldReader reader;

  InitFields(FieldReader reader) {
    this.reader = reader;
  }

  /** The weight init at {@code node.weightInit}, or {@code fallback} when absent. */
  WeightInitSpec weightInit(ObjectNode node, String at, WeightInitSpec fallback) {
    JsonNode value = reader.field(node, at, "weightInit", false);
    if (value == null) {
      return fallback;
    }
    return WeightInits.read(value, FieldReader.pointer(at, "weightInit"), reader.violations());
  }

  /**
   * A layer's own bias init at {@code node.biasInit}, or null (the model's) when absent; {@code outputPrior} only on
   * the output layer.
   */
  BiasInitSpec layerBiasInit(ObjectNode node, String at, boolean output) {
    JsonNode value = reader.field(node, at, "biasInit", false);
    if (value == null) {
      return null;
    }
    String pointer = FieldReader.pointer(at, "biasInit");
    List<Violation> found = BiasInit.validate(value, pointer);
    reader.violations().addAll(found);
    if (!output && value.path("outputPrior").asBoolean(false)) {
      reader.add(pointer + "/outputPrior", "only the output layer's bias can be set from the label priors");
    }
    return found.isEmpty() ? BiasInit.parse(value) : null;
  }

  /** The bias init at {@code node.biasInit}, or {@code "zero"} when absent. */
  BiasInitSpec biasInit(ObjectNode node, String at) {
    JsonNode value = reader.field(node, at, "biasInit", false);
    if (value == null) {
      return DEFAULT_BIAS_INIT;
    }
    List<Violation> found = BiasInit.validate(value, FieldReader.pointer(at, "biasInit"));
    reader.violations().addAll(found);
    return found.isEmpty() ? BiasInit.parse(value) : null;
  }
}
