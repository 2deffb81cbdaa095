package dev.descent.engine.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.Violation;
import java.util.List;

/**
 * Builds a {@link TrajectoryMethod} from a request's {@code optimizer} object; how full-batch optimizer types plug
 * into the {@link Playground}.
 */
public interface TrajectoryMethodFactory {
  /** Every problem with the optimizer object, pointers rooted at {@code /optimizer}. */
  List<Violation> validate(JsonNode optimizer);

  /** The method for a valid optimizer object. */
  TrajectoryMethod create(JsonNode optimizer);
}
