package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.support.JsonText;

/** Optimizer specs written as JSON in tests. */
final class Specs {
  private Specs() {}

  static JsonNode json(String text) {
    return JsonText.json(text);
  }

  static FullBatchOptimizer optimizer(String text) {
    return FullBatchOptimizers.create(json(text));
  }

  /** The 10-dimensional quadratic of the reference files: A and b. */
  static ReferenceCase quadratic() {
    return ReferenceCase.matching("quadratic10__lbfgs").get(0);
  }
}
