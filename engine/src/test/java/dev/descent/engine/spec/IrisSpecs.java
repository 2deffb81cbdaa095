package dev.descent.engine.spec;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;

/** A minimal iris training spec (one output layer, 3 epochs) plus a test's extra top-level fields. */
final class IrisSpecs {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
      + "\"epochs\":3";

  private IrisSpecs() {}

  /** The spec with {@code extra} (empty, or starting with a comma) appended to the base fields. */
  static TrainingSpec parse(String extra) {
    return SpecParser.parse(BASE + extra + "}", EngineLimits.DEFAULTS);
  }

  /** The pointers of the violations of {@link #parse}; empty when the spec is valid. */
  static List<String> pointers(String extra) {
    try {
      parse(extra);
      return List.of();
    } catch (SpecException e) {
      return e.violations().stream().map(Violation::pointer).toList();
    }
  }
}
