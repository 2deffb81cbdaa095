package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds and validates trial job specs: the base, then the arm's {@code set} values, then the search point's, then
 * {@code /seed} and {@code /name}. A job-spec violation at pointer p is reported where the body put the value: under
 * the search dimension whose pointer k p lies under ({@code /search/space/<k escaped><rest of p>}, with the value
 * tried), else under the arm's set key ({@code /arms/<i>/set/<k escaped><rest of p>}), else at {@code /base<p>}; the
 * longest such k wins. Each violation is reported once, however many trials share it.
 */
final class TrialSpecs {
  /** An arm as read: its name and its pointer → value object. */
  record Arm(String name, ObjectNode set) {}

  private final String study;
  private final ObjectNode base;
  private final EngineLimits limits;
  private final PauseSchedule scheduler;
  private final String objective;
  private final Set<Violation> violations = new LinkedHashSet<>();

  TrialSpecs(String study, ObjectNode base, EngineLimits limits, PauseSchedule scheduler, String objective) {
    this.study = study;
    this.base = base;
    this.limits = limits;
    this.scheduler = scheduler;
    this.objective = objective;
  }

  /** What was found wrong so far, once each, in the order found. */
  List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Validates each bound of each dimension alone, applied to the base with each arm (or none). */
  void checkBounds(List<Arm> arms, Search search, long seed) {
    for (int i = 0; i < arms.size(); i++) {
      for (Dimension d : search.dimensions()) {
        for (JsonNode value : d.bounds()) {
          build(i, arms.get(i), JsonNodeFactory.instance.objectNode().set(d.pointer(), value), seed, "bound");
        }
      }
    }
  }

  /** The trial's job spec, or null (with violations) when it is invalid. */
  JobSpec build(int armIndex, Arm arm, ObjectNode point, long seed, String name) {
    ObjectNode tree = base.deepCopy();
    boolean placed = apply(tree, arm.set(), k -> FieldReader.pointer("/arms/" + armIndex + "/set", k))
        & apply(tree, point, k -> FieldReader.pointer(SearchReader.AT + "/space", k));
    if (!placed) {
      return null;
    }
    tree.put("seed", seed);
    tree.put("name", name);
    if (scheduler != null) {
      schedule(tree);
    }
    try {
      return JobSpecs.parse(tree.toString(), limits);
    } catch (SpecException e) {
      e.violations().forEach(v -> violations.add(place(v, armIndex, arm, point)));
      return null;
    }
  }

  /**
   * Validates each value a mutation can reach ({@code values}) alone on the base (no arms with PBT); problems are
   * reported at {@code /scheduler/mutations/<pointer escaped>}, with the value tried.
   */
  void checkMutation(String pointer, List<JsonNode> values, long seed) {
    String searched = FieldReader.pointer(SearchReader.AT + "/space", pointer);
    String mutated = FieldReader.pointer(PbtReader.AT + "/mutations", pointer);
    TrialSpecs alone = new TrialSpecs(study, base, limits, scheduler, objective);
    for (JsonNode value : values) {
      alone.build(0, new Arm(null, JsonNodeFactory.instance.objectNode()),
          JsonNodeFactory.instance.objectNode().set(pointer, value), seed, "mutation");
    }
    alone.violations.forEach(v -> violations.add(v.pointer().startsWith(searched)
        ? new Violation(mutated + v.pointer().substring(searched.length()), v.message()) : v));
  }

  /**
   * A scheduled trial pauses at every rung (round) below the top, its rules after the base's; under ASHA it runs
   * {@code maxEpochs} epochs.
   */
  private void schedule(ObjectNode tree) {
    if (scheduler.fixedEpochs() != null) {
      tree.put("epochs", scheduler.fixedEpochs());
    }
    JsonNode rules = tree.get("rules");
    if (rules instanceof ArrayNode own) {
      own.addAll(scheduler.pauseRules(objective));
    } else if (rules == null || rules.isNull()) {
      tree.set("rules", scheduler.pauseRules(objective));
    }
  }

  /** The trial's job name: study/arm/p<point>/seed=<s>, the parts that apply. */
  String name(Arm arm, Integer point, long seed) {
    return study + "/" + (arm.name() == null ? "" : arm.name() + "/") + (point == null ? "" : "p" + point + "/")
        + "seed=" + seed;
  }

  private boolean apply(ObjectNode tree, ObjectNode values, java.util.function.UnaryOperator<String> at) {
    boolean ok = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String problem = Pointers.set(tree, e.getKey(), e.getValue());
      if (problem != null) {
        violations.add(new Violation(at.apply(e.getKey()), problem));
        ok = false;
      }
    }
    return ok;
  }

  private Violation place(Violation v, int armIndex, Arm arm, ObjectNode point) {
    String p = v.pointer();
    String key = longestUnder(p, point);
    if (key != null) {
      return new Violation(FieldReader.pointer(SearchReader.AT + "/space", key) + p.substring(key.length()),
          v.message() + " (" + key + " = " + point.get(key) + ")");
    }
    key = longestUnder(p, arm.set());
    if (key != null) {
      return new Violation(FieldReader.pointer("/arms/" + armIndex + "/set", key) + p.substring(key.length()),
          v.message());
    }
    return new Violation("/base" + p, v.message());
  }

  private static String longestUnder(String pointer, ObjectNode values) {
    List<String> keys = new ArrayList<>();
    values.fieldNames().forEachRemaining(keys::add);
    String best = null;
    for (String k : keys) {
      if (Pointers.isUnder(pointer, k) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    return best;
  }
}
