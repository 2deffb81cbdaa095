package dev.descent.engine.playground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.SpecFields;
import java.util.List;

/**
 * Reads a playground request's {@code function} object: {@code {"name": …, "A": [[…]], "b": […]}}; the reference
 * trajectories' {@code problem} objects name their function the same way.
 */
public final class TestFunctions {
  static final List<String> NAMES = List.of("rosenbrock", "beale", "saddle", "quadratic");

  private TestFunctions() {}

  /**
   * The function {@code function} names ({@link #NAMES}; {@code A} and {@code b} for the quadratic, other fields
   * ignored) on {@code dimension} coordinates; throws {@link SpecException} naming what is wrong.
   */
  public static TestFunction named(JsonNode function, int dimension) {
    return SpecException.orThrow(violations -> read(new SpecFields(function, "", violations), dimension));
  }

  /** The function, or null after recording violations; {@code dimension} is the start point's length. */
  static TestFunction read(SpecFields f, int dimension) {
    String name = f.text("name", "", NAMES);
    switch (name) {
      case "rosenbrock":
        if (dimension < 2) {
          f.fail("name", "rosenbrock needs a start of at least 2 coordinates");
          return null;
        }
        return new Rosenbrock(dimension);
      case "beale":
        return new Beale();
      case "saddle":
        return new Saddle();
      case "quadratic":
        return quadratic(f, dimension);
      default:
        if (f.node("name") == null) {
          f.fail("name", "is required, one of " + NAMES);
        }
        return null;
    }
  }

  private static TestFunction quadratic(SpecFields f, int dimension) {
    if (f.node("b") == null) {
      f.fail("b", "is required for the quadratic");
      return null;
    }
    double[] b = f.numbers("b", null, dimension, v -> true, "");
    JsonNode rows = f.node("A");
    if (rows == null || !rows.isArray() || rows.size() != dimension) {
      f.fail("A", "must be a " + dimension + "×" + dimension + " array of numbers");
      return null;
    }
    double[][] a = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      JsonNode row = rows.get(i);
      for (int j = 0; j < dimension; j++) {
        JsonNode item = row.isArray() && row.size() == dimension ? row.get(j) : null;
        if (item == null || !item.isNumber() || !Double.isFinite(item.asDouble())) {
          f.fail("A/" + i, "must be an array of " + dimension + " finite numbers");
          return null;
        }
        a[i][j] = item.asDouble();
      }
    }
    return b == null ? null : new Quadratic(a, b);
  }
}
