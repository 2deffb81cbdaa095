package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a study body ({@code name}, {@code base}, {@code arms}, {@code seeds}, {@code objective},
 * {@code maxConcurrent}, {@code search}, {@code scheduler}; see docs/studies.md) and expands it into its trials,
 * every trial's job spec validated; all violations are reported at once ({@link SpecException}), each at its pointer
 * in the study body.
 */
public final class StudySpecs {
  static final int MAX_NAME_LENGTH = 100;
  private static final Set<String> FIELDS =
      Set.of("name", "base", "arms", "seeds", "objective", "maxConcurrent", "search", "scheduler");

  private StudySpecs() {}

  /** The study {@code json} describes, with its trials; throws {@link SpecException} listing every violation. */
  public static StudySpec parse(String json, EngineLimits limits) {
    FieldReader reader = new FieldReader();
    ObjectNode root = reader.object(SpecParser.readTree(json), "", FIELDS);
    throwIfAny(reader.violations());
    String name = reader.text(root, "", "name", null, MAX_NAME_LENGTH);
    JsonNode baseNode = reader.field(root, "", "base", true);
    ObjectNode base = baseNode instanceof ObjectNode o ? o : null;
    if (baseNode != null && base == null) {
      reader.add("/base", "must be an object (a job spec)");
    }
    StudyFields fields = new StudyFields(reader);
    List<TrialSpecs.Arm> arms = fields.arms(root.get("arms"));
    List<Long> seeds = fields.seeds(root.get("seeds"), base);
    StudySpec.Objective objective = fields.objective(root.get("objective"));
    int maxConcurrent = (int) reader.integer(root, "", "maxConcurrent", (long) StudySpec.DEFAULT_MAX_CONCURRENT, 1,
        StudySpec.MAX_CONCURRENT);
    JsonNode schedulerNode = root.get("scheduler");
    Search search = new SearchReader(reader).read(root.get("search"), PbtReader.population(schedulerNode));
    if (search != null) {
      search.dimensions().forEach(d -> StudyFields.checkKey(reader, d.pointer(), SearchReader.AT + "/space"));
    }
    PbtReader pbtReader = new PbtReader(reader);
    boolean pbtScheduled = PbtReader.isPbt(schedulerNode) && root.hasNonNull("search");
    Scheduler scheduler = pbtScheduled ? null
        : new SchedulerReader(reader).read(schedulerNode, root.hasNonNull("search"));
    Pbt pbt = pbtScheduled
        ? pbtReader.read((ObjectNode) schedulerNode, search, base, root.hasNonNull("arms"), seeds.size()) : null;
    throwIfAny(reader.violations());
    checkCount(reader, arms.size(), seeds.size(), search);
    TrialSpecs specs = new TrialSpecs(name, base, limits, pbt != null ? pbt : scheduler, objective.metric());
    if (pbt != null) {
      pbt.mutations().forEach(m -> specs.checkMutation(m.pointer(),
          PbtReader.extremes(m, pbtReader.initials().get(m.pointer()), pbt.pauses().size()), seeds.get(0)));
      throwIfAny(specs.violations());
    }
    List<Trial> trials = trials(specs, arms, seeds, search);
    List<String> armNames = arms.stream().map(TrialSpecs.Arm::name).filter(n -> n != null).toList();
    return new StudySpec(name, armNames, seeds, objective, maxConcurrent, search == null ? null : search.type(),
        trials, scheduler, pbt);
  }

  /** Refuses more than {@link StudySpec#MAX_TRIALS} trials, where the count comes from. */
  private static void checkCount(FieldReader reader, int arms, int seeds, Search search) {
    long points = search == null ? 1 : search.count(StudySpec.MAX_TRIALS);
    if (points * arms * seeds <= StudySpec.MAX_TRIALS) {
      return;
    }
    String at = search == null ? "/seeds"
        : SearchReader.AT + (search.type().equals(Search.RANDOM) ? "/trials" : "/space");
    reader.add(at, "arms × search points × seeds must be at most " + StudySpec.MAX_TRIALS + ", got "
        + (points > StudySpec.MAX_TRIALS ? "more" : String.valueOf(points * arms * seeds)));
    throwIfAny(reader.violations());
  }

  /** The validated trials: the search's bounds first (each alone), then every trial. */
  private static List<Trial> trials(TrialSpecs specs, List<TrialSpecs.Arm> arms, List<Long> seeds, Search search) {
    if (search != null) {
      specs.checkBounds(arms, search, seeds.get(0));
      throwIfAny(specs.violations());
    }
    List<ObjectNode> points = search == null ? List.of(JsonNodeFactory.instance.objectNode()) : search.points();
    List<Trial> trials = expand(specs, arms, points, seeds, search != null);
    throwIfAny(specs.violations());
    return trials;
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

  private static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
  }
}
