package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One searched setting: the pointer it sets and its values, a range ({@code uniform}: low + u·(high − low);
 * {@code loguniform}: exp(log low + u·(log high − log low))) or a {@code choice} among listed values. A grid takes
 * {@code points} evenly (log-evenly) spaced values of a range, both ends included, or every choice.
 */
record Dimension(String pointer, String type, double low, double high, int points, List<JsonNode> values) {
  static final String UNIFORM = "uniform";
  static final String LOGUNIFORM = "loguniform";
  static final String CHOICE = "choice";
  static final int DEFAULT_POINTS = 3;

  Dimension {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The values a grid takes, in order. */
  List<JsonNode> grid() {
    if (CHOICE.equals(type)) {
      return values;
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      out.add(at(points == 1 ? 0 : i / (double) (points - 1)));
    }
    return out;
  }

  /** How many values a grid takes. */
  int gridSize() {
    return CHOICE.equals(type) ? values.size() : points;
  }

  /** One random value: one draw from {@code random}. */
  JsonNode sample(SplittableRandom random) {
    return CHOICE.equals(type) ? values.get(random.nextInt(values.size())) : at(random.nextDouble());
  }

  /** The values whose validity stands for the whole dimension's: the range's ends, or every choice. */
  List<JsonNode> bounds() {
    return CHOICE.equals(type) ? values : List.of(DoubleNode.valueOf(low), DoubleNode.valueOf(high));
  }

  /** The range's value at fraction {@code u} of its (log) span; the ends exactly at 0 and 1. */
  private JsonNode at(double u) {
    if (u == 0 || u == 1) {
      return DoubleNode.valueOf(u == 0 ? low : high);
    }
    if (LOGUNIFORM.equals(type)) {
      return DoubleNode.valueOf(Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))));
    }
    return DoubleNode.valueOf(low + u * (high - low));
  }
}
