package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** Private copies of the JSON parts specs keep: a spec cannot change once built, nor through what it hands out. */
final class JsonCopies {
  private JsonCopies() {}

  /** A deep copy of {@code node}; null for null. */
  static JsonNode copy(JsonNode node) {
    return node == null ? null : node.deepCopy();
  }
}
