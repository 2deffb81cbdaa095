package dev.descent.engine.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.Violation;
import java.util.List;

/**
 * Reads a request's {@code optimizer} object, once, into a {@link TrajectoryMethod}; how full-batch optimizer types
 * plug into the {@link Playground}.
 */
public interface TrajectoryMethodFactory {
  /**
   * The method the optimizer object describes, or null when it is invalid; every problem is added to
   * {@code violations}, pointers rooted at {@code /optimizer}.
   */
  TrajectoryMethod read(JsonNode optimizer, List<Violation> violations);
}
