package dev.descent.api.job;

import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A prediction request read from its JSON body: which checkpoint ({@code final}, {@code best} or an id), which
 * variant (null: raw, or for an id the checkpoint's own kind), and either the rows to score or the job's own split.
 */
record PredictionRequest(String checkpoint, String variant, float[][] inputs, float[] labels, String split) {
  static final String FINAL = "final";
  static final String BEST = "best";
  static final Map<String, String> VARIANTS =
      Map.of("raw", "raw", "polyak-ema", "polyak-ema", "polyak-arithmetic", "polyak-arith");
  private static final Set<String> FIELDS = Set.of("checkpoint", "variant", "inputs", "labels", "dataset");
  private static final Set<String> SPLITS = Set.of("validation", "train");

  static PredictionRequest read(JsonMapper json, String body, int maxRows) {
    JsonNode request;
    try {
      request = json.readTree(body == null ? "" : body);
    } catch (JacksonException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject()) {
      throw new SpecException("", "must be an object with inputs or dataset");
    }
    List<Violation> unknown = FieldReader.unknownFields(request.propertyNames(), "", FIELDS);
    if (!unknown.isEmpty()) {
      throw new SpecException(unknown);
    }
    if (request.has("inputs") == request.has("dataset")) {
      throw new SpecException("/inputs", "give exactly one of inputs and dataset");
    }
    float[][] inputs = request.has("inputs") ? rows(request.get("inputs"), maxRows) : null;
    return new PredictionRequest(text(request, "checkpoint", FINAL), variant(request), inputs,
        request.has("labels") ? labels(request.get("labels"), inputs) : null,
        request.has("dataset") ? split(request.get("dataset")) : null);
  }

  private static String text(JsonNode request, String name, String fallback) {
    JsonNode value = request.get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isString() || value.asString().isBlank()) {
      throw new SpecException("/" + name, "must be a non-empty string");
    }
    return value.asString();
  }

  private static String variant(JsonNode request) {
    String variant = text(request, "variant", null);
    if (variant != null && !VARIANTS.containsKey(variant)) {
      throw new SpecException("/variant", "must be one of raw, polyak-ema, polyak-arithmetic");
    }
    return variant;
  }

  private static String split(JsonNode dataset) {
    List<Violation> unknown = dataset.isObject()
        ? FieldReader.unknownFields(dataset.propertyNames(), "/dataset", Set.of("split")) : List.of();
    if (!unknown.isEmpty()) {
      throw new SpecException(unknown);
    }
    String split = dataset.path("split").asString("");
    if (!SPLITS.contains(split)) {
      throw new SpecException("/dataset/split", "must be validation or train");
    }
    return split;
  }

  private static float[] labels(JsonNode labels, float[][] inputs) {
    if (inputs == null || !labels.isArray() || labels.size() != inputs.length) {
      throw new SpecException("/labels", "must be an array with one label per row of inputs");
    }
    return numbers(labels, "/labels");
  }

  private static float[] numbers(JsonNode array, String at) {
    float[] values = new float[array.size()];
    for (int j = 0; j < values.length; j++) {
      if (!array.get(j).isNumber() || !Double.isFinite(array.get(j).asDouble())) {
        throw new SpecException(at + "/" + j, "must be a finite number");
      }
      values[j] = (float) array.get(j).asDouble();
    }
    return values;
  }

  private static float[][] rows(JsonNode inputs, int maxRows) {
    if (!inputs.isArray() || inputs.isEmpty()) {
      throw new SpecException("/inputs", "must be a non-empty array of rows");
    }
    if (inputs.size() > maxRows) {
      throw new TooManyRowsException("/inputs", inputs.size(), maxRows);
    }
    float[][] rows = new float[inputs.size()][];
    for (int i = 0; i < rows.length; i++) {
      JsonNode row = inputs.get(i);
      if (!row.isArray()) {
        throw new SpecException("/inputs/" + i, "must be an array of numbers");
      }
      rows[i] = numbers(row, "/inputs/" + i);
    }
    return rows;
  }
}
