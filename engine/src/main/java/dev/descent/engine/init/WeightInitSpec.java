package dev.descent.engine.init;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A weight init read once from a spec ({@link WeightInits#parse}): the scheme's name and every field with its default
 * filled (fields the scheme does not take hold their defaults and are not used). {@code written} is the spec's own
 * form (a name or an object), which is what the canonical JSON shows.
 */
public record WeightInitSpec(String type, double scale, double gain, String mode, String nonlinearity,
    double negativeSlope, int k, double tolerance, int maxIterations, @JsonValue JsonNode written) {

  /** Keeps a private copy of the written form. */
  public WeightInitSpec {
    written = written.deepCopy();
  }

  /** A copy of the written form. */
  @Override
  public JsonNode written() {
    return written.deepCopy();
  }
}
