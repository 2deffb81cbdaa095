package dev.descent.engine.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a study body ({@code name}, {@code base}, {@code arms}, {@code seeds}, {@code objective},
 * {@code maxConcurrent}, {@code search}; see docs/studies.md) and expands it into its trials, every trial's job spec
 * validated; all violations are reported at once ({@link SpecException}), each at its pointer in the study body.
 */
public final class StudySpecs {
  static final int MAX_NAME_LENGTH = 100;
  private static final Set<String> FIELDS =
      Set.of("name", "base", "arms", "seeds", "objective", "maxConcurrent", "search");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private StudySpecs() {}

  /** The study {@code json} describes, with its trials; throws {@link SpecException} listing every violation. */
  public static StudySpec parse(String json, EngineLimits limits) {
    FieldReader reader = new FieldReader();
    ObjectNode root = reader.object(readTree(json), "", FIELDS);
    if (root == null) {
      throw new SpecException(reader.violations());
    }
    String name = reader.text(root, "", "name", null, MAX_NAME_LENGTH);
    JsonNode baseNode = reader.field(root, "", "base", true);
    ObjectNode base = baseNode instanceof ObjectNode o ? o : null;
    if (baseNode != null && base == null) {
      reader.add("/base", "must be an object (a job spec)");
    }
    List<TrialSpecs.Arm> arms = new StudyFields(reader).arms(root.get("arms"));
    List<Long> seeds = new StudyFields(reader).seeds(root.get("seeds"), base);
    StudySpec.Objective objective = new StudyFields(reader).objective(root.get("objective"));
    int maxConcurrent = (int) reader.integer(root, "", "maxConcurrent", (long) StudySpec.DEFAULT_MAX_CONCURRENT, 1,
        StudySpec.MAX_CONCURRENT);
    Search search = new SearchReader(reader).read(root.get("search"));
    if (search != null) {
      search.dimensions().forEach(d -> StudyFields.checkKey(reader, d.pointer(), SearchReader.AT + "/space"));
    }
    throwIfAny(reader);
    long points = search == null ? 1 : search.count(StudySpec.MAX_TRIALS);
    long total = Math.min(points * arms.size() * seeds.size(), StudySpec.MAX_TRIALS + 1L);
    if (total > StudySpec.MAX_TRIALS) {
      reader.add(search == null ? "/seeds" : SearchReader.AT + (search.type().equals(Search.RANDOM) ? "/trials"
          : "/space"), "arms × search points × seeds must be at most " + StudySpec.MAX_TRIALS + ", got "
          + (points > StudySpec.MAX_TRIALS ? "more" : String.valueOf(points * arms.size() * seeds.size())));
      throwIfAny(reader);
    }
    TrialSpecs specs = new TrialSpecs(name, base, limits);
    if (search != null) {
      specs.checkBounds(arms, search, seeds.get(0));
      throwIfAny(specs);
    }
    List<ObjectNode> searchPoints = search == null ? List.of(JsonNodeFactory.instance.objectNode()) : search.points();
    List<Trial> trials = expand(specs, arms, searchPoints, seeds, search != null);
    throwIfAny(specs);
    List<String> armNames = arms.stream().map(TrialSpecs.Arm::name).filter(n -> n != null).toList();
    return new StudySpec(name, armNames, seeds, objective, maxConcurrent, search == null ? null : search.type(),
        trials);
  }

  /** Seed by seed, arm by arm, point by point. */
  private static List<Trial> expand(TrialSpecs specs, List<TrialSpecs.Arm> arms, List<ObjectNode> points,
      List<Long> seeds, boolean searched) {
    List<Trial> trials = new ArrayList<>();
    for (long seed : seeds) {
      for (int a = 0; a < arms.size(); a++) {
        TrialSpecs.Arm arm = arms.get(a);
        for (int p = 0; p < points.size(); p++) {
          ObjectNode point = points.get(p);
          JobSpec spec = specs.build(a, arm, point, seed, specs.name(arm, searched ? p : null, seed));
          ObjectNode values = arm.set().deepCopy();
          values.setAll(point);
          trials.add(new Trial(trials.size(), arm.name(), p, seed, values.toString(), spec));
        }
      }
    }
    return trials;
  }

  private static void throwIfAny(FieldReader reader) {
    if (!reader.violations().isEmpty()) {
      throw new SpecException(reader.violations());
    }
  }

  private static void throwIfAny(TrialSpecs specs) {
    if (!specs.violations().isEmpty()) {
      throw new SpecException(specs.violations());
    }
  }

  private static JsonNode readTree(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json == null ? "" : json);
      if (tree == null || tree.isMissingNode()) {
        throw new SpecException("", "malformed JSON: empty body");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
  }
}
