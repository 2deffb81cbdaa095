package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A study's search: its type, its dimensions in the body's order, the number of random trials and the seed they are
 * drawn from. {@link #points} are deterministic: a grid is the cartesian product of the dimensions' grids (the first
 * dimension varying slowest); random point t draws its dimensions in order from one {@link SplittableRandom} seeded
 * with {@code sampleSeed}.
 */
record Search(String type, List<Dimension> dimensions, int trials, long sampleSeed) {
  static final String GRID = "grid";
  static final String RANDOM = "random";

  Search {
    dimensions = List.copyOf(dimensions);
  }

  /** How many points the search has, or {@code cap + 1} when it has more than {@code cap}. */
  long count(long cap) {
    if (RANDOM.equals(type)) {
      return trials;
    }
    long n = 1;
    for (Dimension d : dimensions) {
      n = Math.min(cap + 1, n * d.gridSize());
    }
    return n;
  }

  /** Every point, each an object of pointer → value in the dimensions' order. */
  List<ObjectNode> points() {
    List<ObjectNode> out = new ArrayList<>();
    if (RANDOM.equals(type)) {
      SplittableRandom random = new SplittableRandom(sampleSeed);
      for (int t = 0; t < trials; t++) {
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        dimensions.forEach(d -> point.set(d.pointer(), d.sample(random)));
        out.add(point);
      }
      return out;
    }
    out.add(JsonNodeFactory.instance.objectNode());
    for (Dimension d : dimensions) {
      List<ObjectNode> next = new ArrayList<>();
      for (ObjectNode prefix : out) {
        for (JsonNode value : d.grid()) {
          next.add(prefix.deepCopy().set(d.pointer(), value));
        }
      }
      out = next;
    }
    return out;
  }
}
