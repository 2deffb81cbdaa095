package dev.descent.engine.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.weights.IWeightInit;

/**
 * The spec entry point for weight initialization. A spec is a scheme name ({@code "xavier_uniform"}) or an object
 * {@code {"type": name, fields…}}; unknown fields are refused. Schemes and their fields (defaults in brackets; every
 * scheme but {@code lsuv} takes {@code scale} [1]): {@code uniform}; {@code xavier_uniform}, {@code xavier_normal}
 * (gain [1]); {@code kaiming_uniform}, {@code kaiming_normal} (mode "fan_in" | "fan_out" ["fan_in"], nonlinearity
 * one of {@link Gains#NONLINEARITIES} ["relu"], negativeSlope [0]); {@code lecun_uniform}, {@code lecun_normal};
 * {@code orthogonal} (gain [1]); {@code sparse} (k [15]); {@code lsuv} (tolerance [0.1], maxIterations [10]). The
 * job spec's older names are aliases with the same formulas as DL4J's schemes of that name: {@code xavier} =
 * xavier_normal, {@code relu} = kaiming_normal, {@code relu_uniform} = kaiming_uniform, {@code normal} =
 * lecun_normal (each with scale), {@code zero} (no fields).
 */
public final class WeightInits {
  private static final String TYPE = "type";
  private static final String DEFAULT_MODE = "fan_in";

  private WeightInits() {}

  /** Every problem with {@code spec}, each pointer prefixed by {@code pointerPrefix} ({@code /model/weightInit}). */
  public static List<Violation> validate(JsonNode spec, String pointerPrefix) {
    List<Violation> out = new ArrayList<>();
    JsonNode object = normalize(spec);
    InitScheme scheme = object == null ? null : InitScheme.named(object.path(TYPE).asText(""));
    if (scheme == null) {
      String where = spec != null && spec.isObject() ? pointerPrefix + "/" + TYPE : pointerPrefix;
      out.add(new Violation(where, "must name a weight init: " + names()));
      return out;
    }
    Iterator<String> fields = object.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      Optional<InitParam> param = scheme.params().stream().filter(p -> p.specName().equals(field)).findFirst();
      if (param.isPresent()) {
        param.get().check(object.get(field))
            .ifPresent(m -> out.add(new Violation(FieldReader.pointer(pointerPrefix, field), m)));
      } else if (!field.equals(TYPE)) {
        out.add(FieldReader.unknownField(pointerPrefix, field));
      }
    }
    return out;
  }

  /**
   * The weight init {@code spec} describes, read once with every default filled; throws {@link SpecException}
   * (pointers relative to the spec) when it is invalid. The spec reader keeps this record; networks are built from it.
   */
  public static WeightInitSpec parse(JsonNode spec) {
    return SpecException.orThrow(violations -> read(spec, "", violations));
  }

  /** Like {@link #parse}, adding the problems to {@code out} (pointers prefixed) and giving null when there are any. */
  public static WeightInitSpec read(JsonNode spec, String pointerPrefix, List<Violation> out) {
    List<Violation> found = validate(spec, pointerPrefix);
    if (!found.isEmpty()) {
      out.addAll(found);
      return null;
    }
    JsonNode object = normalize(spec);
    InitScheme scheme = InitScheme.named(object.get(TYPE).asText());
    return new WeightInitSpec(scheme.specName(),
        InitParam.SCALE.number(object, SeededWeightInit.DEFAULT_SCALE),
        InitParam.GAIN.number(object, scheme.defaultGain()),
        InitParam.MODE.text(object, DEFAULT_MODE),
        InitParam.NONLINEARITY.text(object, KaimingInit.DEFAULT_NONLINEARITY),
        InitParam.NEGATIVE_SLOPE.number(object, KaimingInit.DEFAULT_NEGATIVE_SLOPE),
        (int) InitParam.K.number(object, SparseInit.DEFAULT_K),
        InitParam.TOLERANCE.number(object, Lsuv.DEFAULT_TOLERANCE),
        (int) InitParam.MAX_ITERATIONS.number(object, Lsuv.DEFAULT_MAX_ITERATIONS),
        spec);
  }

  /** The DL4J weight init of a parsed spec (orthogonal for {@code lsuv}). */
  public static IWeightInit create(WeightInitSpec spec) {
    return InitScheme.named(spec.type()).create(spec);
  }

  /** The DL4J weight init of a valid spec (orthogonal for {@code lsuv}); throws {@link SpecException} otherwise. */
  public static IWeightInit fromSpec(JsonNode spec) {
    return create(parse(spec));
  }

  /** The data-dependent pass a valid spec asks for; throws {@link SpecException} when it is invalid. */
  public static Optional<Lsuv> lsuv(JsonNode spec) {
    return lsuv(parse(spec));
  }

  /** The data-dependent pass a parsed spec asks for: present for {@code lsuv} only. */
  public static Optional<Lsuv> lsuv(WeightInitSpec spec) {
    if (InitScheme.named(spec.type()) != InitScheme.LSUV) {
      return Optional.empty();
    }
    return Optional.of(new Lsuv(spec.tolerance(), spec.maxIterations()));
  }

  /** The object form of a spec, or null when it is neither a string nor an object. */
  private static JsonNode normalize(JsonNode spec) {
    if (spec != null && spec.isTextual()) {
      return JsonNodeFactory.instance.objectNode().put(TYPE, spec.asText());
    }
    return spec != null && spec.isObject() ? spec : null;
  }

  private static String names() {
    List<String> names = new ArrayList<>();
    for (InitScheme scheme : InitScheme.values()) {
      names.add(scheme.specName());
    }
    return String.join(", ", names);
  }
}
