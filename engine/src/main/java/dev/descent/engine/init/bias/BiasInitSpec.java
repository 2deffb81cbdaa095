package dev.descent.engine.init.bias;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A bias init read once from a spec ({@link BiasInit#parse}): what it does, and {@code written}, the spec's own form
 * (a name or an object), which is what the canonical JSON shows.
 */
public record BiasInitSpec(BiasInit init, @JsonValue JsonNode written) {
  /** Keeps a private copy of the written form. */
  public BiasInitSpec {
    written = written.deepCopy();
  }

  /** A copy of the written form. */
  @Override
  public JsonNode written() {
    return written.deepCopy();
  }
}
