package dev.descent.engine.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The door between an online job's learner spec and the engine. The spec is an object {@code {"algorithm": …,
 * "loss": "logistic" | "squared", hyperparameters…}}; unknown fields are refused. Algorithms and hyperparameters
 * (defaults in brackets): {@code ogd} (eta [0.5]); {@code tg} (eta [0.5], k [10], gravity [0], theta [∞],
 * truncation "gradual" | "simple" ["gradual"]); {@code fobos} (eta [0.5], l1 [0]); {@code rda} (l1 [0], gamma [1]);
 * {@code ftrl} (alpha [0.1], beta [1], l1 [0], l2 [0]). The loss defaults to {@code logistic}.
 */
public final class OnlineSpecs {
  private static final String ALGORITHM = "algorithm";
  private static final String LOSS = "loss";
  private static final String DEFAULT_LOSS = "logistic";
  private static final Set<String> LOSSES = Set.of("logistic", "squared");
  private static final Set<String> TRUNCATIONS = Set.of("gradual", "simple");

  private OnlineSpecs() {}

  /** Every problem with {@code spec}, each pointer prefixed by {@code pointerPrefix} (e.g. {@code /learner}). */
  public static List<Violation> validate(JsonNode spec, String pointerPrefix) {
    List<Violation> out = new ArrayList<>();
    if (spec == null || !spec.isObject()) {
      out.add(new Violation(pointerPrefix, "must be an object with an \"algorithm\""));
      return out;
    }
    OnlineAlgorithm algorithm = OnlineAlgorithm.named(spec.path(ALGORITHM).asText(""));
    if (algorithm == null) {
      out.add(new Violation(pointerPrefix + "/" + ALGORITHM, "must be one of ogd, tg, fobos, rda, ftrl"));
      return out;
    }
    JsonNode loss = spec.get(LOSS);
    if (loss != null && !LOSSES.contains(loss.asText(""))) {
      out.add(new Violation(pointerPrefix + "/" + LOSS, "must be \"logistic\" or \"squared\""));
    }
    checkFields(spec, algorithm, pointerPrefix, out);
    return out;
  }

  /** The learner {@code spec} describes, read once with every default filled; throws {@link SpecException}. */
  public static LearnerSpec parse(JsonNode spec) {
    return SpecException.orThrow(violations -> read(spec, "", violations));
  }

  /** Like {@link #parse}, adding the problems to {@code out} (pointers prefixed) and giving null when there are any. */
  public static LearnerSpec read(JsonNode spec, String pointerPrefix, List<Violation> out) {
    List<Violation> found = validate(spec, pointerPrefix);
    if (!found.isEmpty()) {
      out.addAll(found);
      return null;
    }
    OnlineAlgorithm algorithm = OnlineAlgorithm.named(spec.get(ALGORITHM).asText());
    Map<String, Double> values = new HashMap<>();
    algorithm.hyperparameters().forEach(h -> values.put(h.name(), h.read(spec)));
    return new LearnerSpec(algorithm.specName(), spec.path(LOSS).asText(DEFAULT_LOSS), values,
        spec.path(OnlineAlgorithm.TRUNCATION).asText(OnlineAlgorithm.GRADUAL), spec);
  }

  /** The model a parsed spec describes over {@code dimension} features. */
  public static OnlineModel create(LearnerSpec spec, int dimension) {
    OnlineAlgorithm algorithm = OnlineAlgorithm.named(spec.algorithm());
    return new OnlineModel(algorithm.create(spec, dimension), Loss.valueOf(spec.loss().toUpperCase()));
  }

  /** The model a valid spec describes over {@code dimension} features; throws {@link SpecException} otherwise. */
  public static OnlineModel create(JsonNode spec, int dimension) {
    return create(parse(spec), dimension);
  }

  private static void checkFields(JsonNode spec, OnlineAlgorithm algorithm, String prefix, List<Violation> out) {
    Iterator<String> names = spec.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String pointer = FieldReader.pointer(prefix, name);
      JsonNode value = spec.get(name);
      Hyperparameter known =
          algorithm.hyperparameters().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
      if (known != null) {
        known.check(value).ifPresent(message -> out.add(new Violation(pointer, message)));
      } else if (algorithm == OnlineAlgorithm.TG && name.equals(OnlineAlgorithm.TRUNCATION)) {
        if (!TRUNCATIONS.contains(value.asText(""))) {
          out.add(new Violation(pointer, "must be \"gradual\" or \"simple\""));
        }
      } else if (!name.equals(ALGORITHM) && !name.equals(LOSS)) {
        out.add(FieldReader.unknownField(prefix, name));
      }
    }
  }
}
