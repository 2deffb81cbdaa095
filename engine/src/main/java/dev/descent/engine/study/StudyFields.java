package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a study's {@code arms}, {@code seeds} and {@code objective}. */
final class StudyFields {
  static final int MAX_ARM_NAME_LENGTH = 50;
  /** The fields every trial gets from the study, which no arm or search may set. */
  private static final Set<String> STUDY_OWNED = Set.of("/seed", "/name");
  private static final Set<String> ARM_FIELDS = Set.of("name", "set");
  private static final Set<String> OBJECTIVE_FIELDS = Set.of("metric", "mode", "threshold");
  private static final Set<String> MODES = Set.of(StudySpec.Objective.MIN, StudySpec.Objective.MAX);

  private final FieldReader reader;

  StudyFields(FieldReader reader) {
    this.reader = reader;
  }

  /** The arms; without {@code arms}, one nameless arm that sets nothing. */
  List<TrialSpecs.Arm> arms(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of(new TrialSpecs.Arm(null, JsonNodeFactory.instance.objectNode()));
    }
    if (!node.isArray() || node.isEmpty()) {
      reader.add("/arms", "must be a non-empty array of {name, set}");
      return List.of();
    }
    List<TrialSpecs.Arm> arms = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "/arms/" + i;
      ObjectNode o = reader.object(node.get(i), at, ARM_FIELDS);
      if (o == null) {
        continue;
      }
      String name = reader.text(o, at, "name", null, MAX_ARM_NAME_LENGTH);
      if (name != null && !names.add(name)) {
        reader.add(at + "/name", "must be unique, '" + name + "' names an earlier arm");
      }
      JsonNode set = reader.field(o, at, "set", false);
      if (set != null && !set.isObject()) {
        reader.add(at + "/set", "must be an object of JSON pointer → value");
        continue;
      }
      ObjectNode values = set == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) set;
      values.fieldNames().forEachRemaining(k -> checkKey(reader, k, at + "/set"));
      arms.add(new TrialSpecs.Arm(name, values));
    }
    return arms;
  }

  /** The seeds: distinct integers; without {@code seeds}, the base's seed or the job-spec default. */
  List<Long> seeds(JsonNode node, ObjectNode base) {
    if (node == null || node.isNull()) {
      JsonNode seed = base == null ? null : base.get("seed");
      return List.of(seed != null && seed.canConvertToLong() && seed.isIntegralNumber() ? seed.asLong()
          : SpecParser.DEFAULT_SEED);
    }
    if (!node.isArray() || node.isEmpty()) {
      reader.add("/seeds", "must be a non-empty array of integers");
      return List.of();
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode seed = node.get(i);
      if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
        reader.add("/seeds/" + i, "must be an integer");
      } else if (seeds.contains(seed.asLong())) {
        reader.add("/seeds/" + i, "must be unique, " + seed.asLong() + " is listed before");
      } else {
        seeds.add(seed.asLong());
      }
    }
    return seeds;
  }

  /** The objective; {@code val_loss}, lower better, without one. */
  StudySpec.Objective objective(JsonNode node) {
    String at = "/objective";
    if (node == null || node.isNull()) {
      return new StudySpec.Objective(StudySpec.Objective.DEFAULT_METRIC, StudySpec.Objective.MIN, null);
    }
    ObjectNode o = reader.object(node, at, OBJECTIVE_FIELDS);
    if (o == null) {
      return null;
    }
    String metric = reader.text(o, at, "metric", StudySpec.Objective.DEFAULT_METRIC, SpecParser.MAX_NAME_LENGTH);
    String mode = reader.oneOf(o, at, "mode", StudySpec.Objective.defaultMode(metric), MODES);
    Double threshold = o.hasNonNull("threshold")
        ? reader.number(o, at, "threshold", null, -Double.MAX_VALUE, Double.MAX_VALUE) : null;
    return new StudySpec.Objective(metric, mode, threshold);
  }

  /** A violation when a set or searched pointer is one the study owns ({@code /seed}, {@code /name}). */
  static void checkKey(FieldReader reader, String key, String at) {
    if (STUDY_OWNED.contains(key)) {
      reader.add(FieldReader.pointer(at, key), "is set by the study for every trial");
    }
  }
}
