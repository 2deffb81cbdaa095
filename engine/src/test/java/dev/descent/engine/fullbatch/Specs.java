package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import java.io.UncheckedIOException;

/** Optimizer specs written as JSON in tests. */
final class Specs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Specs() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FullBatchOptimizer optimizer(String text) {
    return FullBatchOptimizers.create(json(text));
  }

  /** The 10-dimensional quadratic of the reference files: A and b. */
  static ReferenceCase quadratic() {
    return ReferenceCase.matching("quadratic10__lbfgs").get(0);
  }
}
