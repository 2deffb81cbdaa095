package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code /search}: {@code type} grid or random, {@code trials} (random only, 1..500), {@code space} (pointer →
 * dimension, at least one) and {@code sampleSeed} (default 0). A dimension is a range {@code {type: uniform |
 * loguniform, low, high, points}} ({@code points}: grid only, default 3) or {@code {type: choice, values}}.
 */
final class SearchReader {
  static final String AT = "/search";
  static final int MAX_RANDOM_TRIALS = 500;
  static final int MAX_GRID_POINTS = 1000;
  private static final Set<String> FIELDS = Set.of("type", "trials", "space", "sampleSeed");
  private static final Set<String> TYPES = Set.of(Search.GRID, Search.RANDOM);
  private static final Set<String> RANGE_FIELDS = Set.of("type", "low", "high", "points");
  private static final Set<String> CHOICE_FIELDS = Set.of("type", "values");
  private static final Set<String> DIMENSION_TYPES = Set.of(Dimension.UNIFORM, Dimension.LOGUNIFORM, Dimension.CHOICE);

  private final FieldReader reader;

  SearchReader(FieldReader reader) {
    this.reader = reader;
  }

  /**
   * The search, or null when absent or too broken to expand (the violations say why); {@code population}: a PBT
   * scheduler's population, the default of a random search's {@code trials} (null without PBT).
   */
  Search read(JsonNode node, Integer population) {
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    int before = reader.violations().size();
    String type = reader.oneOf(o, AT, "type", null, TYPES);
    int trials = 0;
    if (Search.RANDOM.equals(type)) {
      trials = (int) reader.integer(o, AT, "trials", population == null ? null : (long) population, 1,
          MAX_RANDOM_TRIALS);
    } else if (o.has("trials")) {
      reader.add(AT + "/trials", "a grid takes every point; trials is for random search");
    }
    long sampleSeed = reader.integer(o, AT, "sampleSeed", 0L, Long.MIN_VALUE, Long.MAX_VALUE);
    List<Dimension> dimensions = space(reader.field(o, AT, "space", true), Search.GRID.equals(type));
    return type == null || dimensions == null || reader.violations().size() > before ? null
        : new Search(type, dimensions, trials, sampleSeed);
  }

  private List<Dimension> space(JsonNode node, boolean grid) {
    String at = AT + "/space";
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      reader.add(at, "must be an object of JSON pointer → dimension");
      return null;
    }
    if (node.isEmpty()) {
      reader.add(at, "must name at least one pointer to search");
      return null;
    }
    List<Dimension> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.add(dimension(e.getKey(), e.getValue(), FieldReader.pointer(at, e.getKey()), grid));
    }
    return out.contains(null) ? null : out;
  }

  private Dimension dimension(String pointer, JsonNode node, String at, boolean grid) {
    int before = reader.violations().size();
    String type = node != null && node.isObject()
        ? reader.oneOf((ObjectNode) node, at, "type", null, DIMENSION_TYPES) : null;
    if (type == null) {
      reader.object(node, at, Set.of("type"));
      return null;
    }
    ObjectNode o = (ObjectNode) node;
    if (Dimension.CHOICE.equals(type)) {
      reader.rejectUnknownFields(o, at, CHOICE_FIELDS);
      JsonNode values = reader.field(o, at, "values", true);
      if (values != null && (!values.isArray() || values.isEmpty())) {
        reader.add(at + "/values", "must be a non-empty array");
      }
      return reader.violations().size() > before ? null : new Dimension(pointer, type, 0, 0, 0, toList(values));
    }
    reader.rejectUnknownFields(o, at, RANGE_FIELDS);
    double low = reader.number(o, at, "low", null, -Double.MAX_VALUE, Double.MAX_VALUE);
    double high = reader.number(o, at, "high", null, -Double.MAX_VALUE, Double.MAX_VALUE);
    int points = Dimension.DEFAULT_POINTS;
    if (grid) {
      points = (int) reader.integer(o, at, "points", (long) Dimension.DEFAULT_POINTS, 2, MAX_GRID_POINTS);
    } else if (o.has("points")) {
      reader.add(at + "/points", "points is for grid search; a random search draws trials");
    }
    if (reader.violations().size() == before) {
      checkRange(type, low, high, at);
    }
    return reader.violations().size() > before ? null : new Dimension(pointer, type, low, high, points, null);
  }

  private void checkRange(String type, double low, double high, String at) {
    if (Dimension.LOGUNIFORM.equals(type) && low <= 0) {
      reader.add(at + "/low", "must be > 0 for loguniform, got " + low);
    } else if (low >= high) {
      reader.add(at + "/high", "must be > low (" + low + "), got " + high);
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
