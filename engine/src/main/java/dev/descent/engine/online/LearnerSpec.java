package dev.descent.engine.online;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An online learner read once from a job spec ({@link OnlineSpecs#parse}): its algorithm, its loss and each of the
 * algorithm's hyperparameters with its default filled, and truncated gradient's truncation. {@code written} is the
 * spec's own form, which is what the canonical JSON shows.
 */
public record LearnerSpec(String algorithm, String loss, Map<String, Double> hyperparameters, String truncation,
    @JsonValue JsonNode written) {

  /** Keeps private copies, so that a learner spec cannot change once built. */
  public LearnerSpec {
    hyperparameters = Map.copyOf(hyperparameters);
    written = written.deepCopy();
  }

  /** A copy of the written form. */
  @Override
  public JsonNode written() {
    return written.deepCopy();
  }
}
