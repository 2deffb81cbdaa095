package dev.descent.engine.online;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** One numeric hyperparameter of an online algorithm: its spec name, default and admissible range. */
record Hyperparameter(String name, double defaultValue, Range range) {

  /** Admissible values. */
  enum Range {
    POSITIVE("must be a finite number > 0"),
    NON_NEGATIVE("must be a finite number >= 0"),
    POSITIVE_INTEGER("must be an integer >= 1");

    private final String message;

    Range(String message) {
      this.message = message;
    }

    boolean admits(JsonNode value) {
      if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
        return false;
      }
      double v = value.asDouble();
      return switch (this) {
        case POSITIVE -> v > 0;
        case NON_NEGATIVE -> v >= 0;
        case POSITIVE_INTEGER -> value.canConvertToInt() && v == Math.rint(v) && v >= 1;
      };
    }
  }

  /** Why {@code value} is not admissible, if it is not. */
  Optional<String> check(JsonNode value) {
    return range.admits(value) ? Optional.empty() : Optional.of(range.message);
  }

  double read(JsonNode spec) {
    JsonNode value = spec.get(name);
    return value == null ? defaultValue : value.asDouble();
  }

  /** The value a parsed learner spec holds. */
  double read(LearnerSpec spec) {
    return spec.hyperparameters().get(name);
  }
}
