package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.init.bias.BiasInit;
import dev.descent.engine.validation.FieldReader;

/**
 * Reads {@code weightInit} and {@code biasInit} fields: a name or an object, validated by
 * {@link WeightInits#validate} and {@link BiasInit#validate}, the only places their formats are defined. The value
 * is kept as written (name or object) in the canonical spec.
 */
final class InitFields {
  static final TextNode DEFAULT_BIAS_INIT = TextNode.valueOf("zero");

  private final FieldReader reader;

  InitFields(FieldReader reader) {
    this.reader = reader;
  }

  /** The weight init at {@code node.weightInit}, or {@code fallback} when absent. */
  JsonNode weightInit(ObjectNode node, String at, JsonNode fallback) {
    JsonNode value = reader.field(node, at, "weightInit", false);
    if (value == null) {
      return fallback;
    }
    reader.violations().addAll(WeightInits.validate(value, FieldReader.pointer(at, "weightInit")));
    return value.deepCopy();
  }

  /**
   * A layer's own bias init at {@code node.biasInit}, or null (the model's) when absent; {@code outputPrior} only on
   * the output layer.
   */
  JsonNode layerBiasInit(ObjectNode node, String at, boolean output) {
    JsonNode value = reader.field(node, at, "biasInit", false);
    if (value == null) {
      return null;
    }
    String pointer = FieldReader.pointer(at, "biasInit");
    reader.violations().addAll(BiasInit.validate(value, pointer));
    if (!output && value.path("outputPrior").asBoolean(false)) {
      reader.add(pointer + "/outputPrior", "only the output layer's bias can be set from the label priors");
    }
    return value.deepCopy();
  }

  /** The bias init at {@code node.biasInit}, or {@code "zero"} when absent. */
  JsonNode biasInit(ObjectNode node, String at) {
    JsonNode value = reader.field(node, at, "biasInit", false);
    if (value == null) {
      return DEFAULT_BIAS_INIT;
    }
    reader.violations().addAll(BiasInit.validate(value, FieldReader.pointer(at, "biasInit")));
    return value.deepCopy();
  }
}
