package dev.descent.engine.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code /scheduler} of type {@code pbt} ({@link Pbt}): {@code population} 2..500 (required), {@code interval}
 * ≥ 1 and below the base's {@code epochs} (required), {@code quantile} in (0, 0.5] (default 0.25), {@code mutations}
 * (pointer → {@code {factors: [positive numbers]}}, at least one; each pointer searched or set to a number in the
 * base). PBT needs a random search whose {@code trials} is the population (absent: the population), no arms, one
 * seed, and neither searches nor mutates {@code /batchSize} or {@code /epochs} (members share the step axis); a base
 * with a {@code plateau} schedule is refused (its state lives in the checkpoint, a resumed run keeps it).
 */
final class PbtReader {
  static final String AT = "/scheduler";
  private static final Set<String> FIELDS = Set.of("type", "population", "interval", "quantile", "mutations");
  private static final Set<String> SHARED = Set.of("/batchSize", "/epochs");

  private final FieldReader reader;
  private final Map<String, List<JsonNode>> initials = new LinkedHashMap<>();

  PbtReader(FieldReader reader) {
    this.reader = reader;
  }

  /** The population a PBT scheduler node names, or null (not PBT, or no usable population). */
  static Integer population(JsonNode scheduler) {
    return isPbt(scheduler) && scheduler.path("population").canConvertToInt()
        && scheduler.path("population").isIntegralNumber() ? scheduler.path("population").asInt() : null;
  }

  static boolean isPbt(JsonNode scheduler) {
    return scheduler != null && scheduler.isObject() && Pbt.TYPE.equals(scheduler.path("type").asText());
  }

  /** The scheduler, or null when it is invalid (the violations say why). */
  Pbt read(ObjectNode node, Search search, ObjectNode base, boolean arms, int seeds) {
    int before = reader.violations().size();
    reader.rejectUnknownFields(node, AT, FIELDS);
    int population = (int) reader.integer(node, AT, "population", null, 2, SearchReader.MAX_RANDOM_TRIALS);
    boolean populated = reader.violations().size() == before;
    int interval = (int) reader.integer(node, AT, "interval", null, 1, SchedulerReader.MAX_EPOCHS);
    double quantile = reader.number(node, AT, "quantile", 0.25, Double.MIN_VALUE, 0.5);
    JsonNode epochsNode = base == null ? null : base.get("epochs");
    int epochs = epochsNode != null && epochsNode.canConvertToInt() ? epochsNode.asInt() : 0;
    if (reader.violations().size() == before && interval >= epochs) {
      reader.add(AT + "/interval", "must be below the base's epochs (" + epochs + "): rounds end inside training");
    }
    checkPopulation(search, populated ? population : null, arms, seeds);
    List<Pbt.Mutation> mutations = mutations(node.get("mutations"), search, base);
    if (base != null && "plateau".equals(base.path("schedule").path("type").asText())) {
      reader.add(AT + "/mutations", "a plateau schedule keeps its state in the checkpoint: pbt cannot change the "
          + "optimizer settings of a job with one");
    }
    if (reader.violations().size() > before || mutations == null || search == null) {
      return null;
    }
    List<String> tracked = new ArrayList<>();
    search.dimensions().forEach(d -> tracked.add(d.pointer()));
    mutations.stream().map(Pbt.Mutation::pointer).filter(p -> !tracked.contains(p)).forEach(tracked::add);
    return new Pbt(population, interval, quantile, epochs, search.sampleSeed(), mutations, tracked);
  }

  private void checkPopulation(Search search, Integer population, boolean arms, int seeds) {
    if (search != null && !Search.RANDOM.equals(search.type())) {
      reader.add(SearchReader.AT + "/type", "pbt draws its population at random: use random");
    } else if (search != null && population != null && search.trials() != population) {
      reader.add(SearchReader.AT + "/trials", "must equal /scheduler/population (" + population + ") or be absent");
    }
    if (arms) {
      reader.add("/arms", "pbt's population comes from the search: arms are not supported with pbt");
    }
    if (seeds > 1) {
      reader.add("/seeds", "pbt trains one population: give one seed");
    }
    if (search != null) {
      search.dimensions().stream().filter(d -> SHARED.contains(d.pointer())).forEach(d -> reader.add(
          FieldReader.pointer(SearchReader.AT + "/space", d.pointer()), "pbt members share the step axis: "
              + d.pointer() + " cannot be searched with pbt"));
    }
  }

  private List<Pbt.Mutation> mutations(JsonNode node, Search search, ObjectNode base) {
    String at = AT + "/mutations";
    if (node == null || !node.isObject() || node.isEmpty()) {
      reader.add(at, "must be an object of JSON pointer → {factors}, at least one");
      return null;
    }
    List<Pbt.Mutation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.add(mutation(e.getKey(), e.getValue(), FieldReader.pointer(at, e.getKey()), search, base));
    }
    return out.contains(null) ? null : out;
  }

  private Pbt.Mutation mutation(String pointer, JsonNode node, String at, Search search, ObjectNode base) {
    int before = reader.violations().size();
    StudyFields.checkKey(reader, pointer, AT + "/mutations");
    if (SHARED.contains(pointer)) {
      reader.add(at, "pbt members share the step axis: " + pointer + " cannot be mutated");
    }
    ObjectNode o = reader.object(node, at, Set.of("factors"));
    JsonNode factors = o == null ? null : reader.field(o, at, "factors", true);
    List<Double> values = new ArrayList<>();
    if (factors != null) {
      if (!factors.isArray() || factors.isEmpty()) {
        reader.add(at + "/factors", "must be a non-empty array of positive numbers");
      }
      for (int i = 0; i < factors.size(); i++) {
        JsonNode f = factors.get(i);
        if (!f.isNumber() || !(f.asDouble() > 0) || Double.isInfinite(f.asDouble())) {
          reader.add(at + "/factors/" + i, "must be a positive number, got " + f);
        }
        values.add(f.asDouble());
      }
    }
    Dimension d = search == null ? null : search.dimensions().stream()
        .filter(x -> x.pointer().equals(pointer)).findFirst().orElse(null);
    List<JsonNode> initial = d != null ? d.bounds() : inBase(base, pointer);
    boolean numeric = !initial.isEmpty() && initial.stream().allMatch(JsonNode::isNumber);
    if (reader.violations().size() == before && !numeric) {
      reader.add(at, "must be a number searched in /search/space or set in /base");
    }
    if (reader.violations().size() > before) {
      return null;
    }
    boolean ranged = d != null && !Dimension.CHOICE.equals(d.type());
    boolean integral = !ranged && initial.stream().allMatch(JsonNode::isIntegralNumber);
    Pbt.Mutation m = new Pbt.Mutation(pointer, values, ranged ? d.low() : null, ranged ? d.high() : null, integral);
    initials.put(pointer, initial);
    return m;
  }

  /** The values each mutation starts from (its choices, its range's ends, or the base's value), by pointer. */
  Map<String, List<JsonNode>> initials() {
    return initials;
  }

  private static List<JsonNode> inBase(ObjectNode base, String pointer) {
    if (base == null || !pointer.startsWith("/")) {
      return List.of();
    }
    try {
      JsonNode value = base.at(pointer);
      return value.isMissingNode() ? List.of() : List.of(value);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /**
   * The extreme values {@code m} can reach in {@code rounds} explorations from its initial values (none when the
   * search space bounds it: those bounds are validated already), to be validated as job-spec values.
   */
  static List<JsonNode> extremes(Pbt.Mutation m, List<JsonNode> initial, int rounds) {
    if (m.low() != null) {
      return List.of();
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double fmin = Math.pow(Math.min(1, m.factors().stream().mapToDouble(f -> f).min().orElse(1)), rounds);
    double fmax = Math.pow(Math.max(1, m.factors().stream().mapToDouble(f -> f).max().orElse(1)), rounds);
    for (JsonNode v : initial) {
      for (double f : new double[] {fmin, fmax}) {
        low = Math.min(low, v.asDouble() * f);
        high = Math.max(high, v.asDouble() * f);
      }
    }
    return m.integral() ? List.of(LongNode.valueOf(Math.round(low)), LongNode.valueOf(Math.round(high)))
        : List.of(DoubleNode.valueOf(low), DoubleNode.valueOf(high));
  }
}
