package dev.descent.engine.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import java.util.List;
import java.util.Set;

/**
 * Reads a job spec from JSON, filling every default and refusing anything dubious, and writes the canonical JSON
 * form ({@code parse(toJson(s))} equals {@code s}). All violations are reported at once, each with the RFC 6901
 * pointer of the offending field ({@code ""} for malformed JSON).
 */
public final class SpecParser {
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_BATCH_SIZE = 32;
  public static final int DEFAULT_PRIORITY = 0;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final int MAX_ATTEMPTS = 10;
  public static final int MAX_NAME_LENGTH = 200;
  public static final String DEFAULT_OPTIMIZER = "adam";
  private static final Set<String> FIELDS = Set.of("name", "seed", "dataset", "model", "optimizer", "schedule",
      "epochs", "batchSize", "checkpoint", "priority", "maxAttempts", "averaging",
      "earlyStopping", "diagnostics", "rules", "phases", "init", "curriculum",
      "pretraining");
  private static final Set<String> CHECKPOINT_FIELDS =
      Set.of("everyEpochs", "keepLast", "everyIterations", "keepBest", "bestMetric", "bestMode");
  private static final Set<String> BEST_MODES = Set.of("auto", "min", "max");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private SpecParser() {}

  /** The spec {@code json} describes, defaults filled; throws {@link SpecException} listing every violation. */
  public static TrainingSpec parse(String json, EngineLimits limits) {
    FieldReader reader = new FieldReader();
    ObjectNode root = reader.object(readTree(json), "", FIELDS);
    if (root == null) {
      throw new SpecException(reader.violations());
    }
    DatasetSpec dataset = new DatasetSpecReader(reader, limits.dataFolder())
        .read(reader.field(root, "", "dataset", true)).orElse(null);
    ModelSpec model = new ModelSpecReader(reader, limits.maxLayers()).read(reader.field(root, "", "model", true),
        dataset);
    List<PhaseSpec> phases = new PhasesReader(reader, limits).read(root);
    boolean phased = root.hasNonNull("phases");
    JsonNode optimizer = !phases.isEmpty() ? phases.get(0).optimizer()
        : root.hasNonNull("optimizer") && !phased ? root.get("optimizer") : defaultOptimizer();
    JsonNode schedule = !phases.isEmpty() ? phases.get(0).schedule()
        : root.hasNonNull("schedule") && !phased ? root.get("schedule") : null;
    OptimizerKinds.Reading optimizers = phases.isEmpty()
        ? OptimizerKinds.read(optimizer, schedule, reader.violations())
        : new OptimizerKinds.Reading(phases.get(0).optimizerSpec(), phases.get(0).scheduleSpec(), optimizer);
    List<AveragingSpec> averaging = new AveragingSpecReader(reader).read(root.get("averaging"));
    TrainingSpec spec = new TrainingSpec(
        reader.text(root, "", "name", dataset == null ? "" : dataset.name(), MAX_NAME_LENGTH),
        reader.integer(root, "", "seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
        dataset, model, optimizers.canonical(), schedule,
        phased ? phases.stream().mapToInt(PhaseSpec::epochs).sum()
            : (int) reader.integer(root, "", "epochs", null, 1, limits.maxEpochs()),
        phased ? (phases.isEmpty() ? DEFAULT_BATCH_SIZE : phases.get(0).batchSize())
            : (int) reader.integer(root, "", "batchSize", (long) DEFAULT_BATCH_SIZE, 1, limits.maxBatchSize()),
        checkpoint(reader, root),
        (int) reader.integer(root, "", "priority", (long) DEFAULT_PRIORITY, Integer.MIN_VALUE, Integer.MAX_VALUE),
        (int) reader.integer(root, "", "maxAttempts", (long) DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS),
        averaging, earlyStopping(reader, root, dataset, averaging, optimizer),
        new DiagnosticsSpecReader(reader).read(root.get("diagnostics"), OptimizerKinds.isFullBatch(optimizer)),
        new RulesSpecReader(reader).read(root.get("rules")), phases,
        new WarmStartSpecReader(reader).read(root.get("init"), model, phased, OptimizerKinds.isFullBatch(optimizer)),
        new CurriculumSpecReader(reader).read(root.get("curriculum"), OptimizerKinds.isFullBatch(optimizer)),
        new PretrainingSpecReader(reader, limits).read(root, model, OptimizerKinds.isFullBatch(optimizer)),
        optimizers.optimizer(), optimizers.schedule());
    checkParameterCount(reader, spec, limits.maxParameters());
    if (!reader.violations().isEmpty()) {
      throw new SpecException(reader.violations());
    }
    return spec;
  }

  /**
   * The canonical JSON of a spec: every field present, in the documented order; with phases, without the top-level
   * fields the phases replace.
   */
  public static String toJson(TrainingSpec spec) {
    try {
      if (!spec.phases().isEmpty()) {
        ObjectNode tree = MAPPER.valueToTree(spec);
        tree.remove(PhasesReader.REPLACED);
        return MAPPER.writeValueAsString(tree);
      }
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec record always serializes", e);
    }
  }

  /** The number of trainable parameters the spec's model has on its dataset. */
  public static long parameterCount(TrainingSpec spec) {
    Shape shape = spec.model().inputShape(spec.dataset());
    long total = 0;
    for (LayerSpec layer : spec.model().layers()) {
      total += layer.parameterCount(shape);
      shape = layer.outputShape(shape);
    }
    return total;
  }

  /**
   * The JSON tree of a request body as every spec family reads it (duplicate fields refused, NaN and Infinity
   * allowed so that they can be refused with their pointer); throws {@link SpecException} at {@code ""} when malformed.
   */
  public static JsonNode readTree(String json) {
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

  static ObjectNode defaultOptimizer() {
    return JsonNodeFactory.instance.objectNode().put("type", DEFAULT_OPTIMIZER);
  }

  private static CheckpointPolicy checkpoint(FieldReader reader, ObjectNode root) {
    JsonNode node = reader.field(root, "", "checkpoint", false);
    if (node == null) {
      return new CheckpointPolicy(CheckpointPolicy.DEFAULT_EVERY_EPOCHS, CheckpointPolicy.DEFAULT_KEEP_LAST);
    }
    ObjectNode o = reader.object(node, "/checkpoint", CHECKPOINT_FIELDS);
    if (o == null) {
      return new CheckpointPolicy(CheckpointPolicy.DEFAULT_EVERY_EPOCHS, CheckpointPolicy.DEFAULT_KEEP_LAST);
    }
    return new CheckpointPolicy(
        (int) reader.integer(o, "/checkpoint", "everyEpochs", (long) CheckpointPolicy.DEFAULT_EVERY_EPOCHS, 0,
            Integer.MAX_VALUE),
        (int) reader.integer(o, "/checkpoint", "keepLast", (long) CheckpointPolicy.DEFAULT_KEEP_LAST, 1,
            Integer.MAX_VALUE),
        (int) reader.integer(o, "/checkpoint", "everyIterations",
            (long) CheckpointPolicy.DEFAULT_EVERY_ITERATIONS, 0, Integer.MAX_VALUE),
        (int) reader.integer(o, "/checkpoint", "keepBest", (long) CheckpointPolicy.DEFAULT_KEEP_BEST, 0,
            Integer.MAX_VALUE),
        reader.text(o, "/checkpoint", "bestMetric", CheckpointPolicy.DEFAULT_BEST_METRIC, MAX_NAME_LENGTH),
        reader.oneOf(o, "/checkpoint", "bestMode", CheckpointPolicy.DEFAULT_BEST_MODE, BEST_MODES));
  }

  private static EarlyStoppingSpec earlyStopping(FieldReader reader, ObjectNode root, DatasetSpec dataset,
      List<AveragingSpec> averaging, JsonNode optimizer) {
    return new EarlyStoppingSpecReader(reader).read(root.get("earlyStopping"), dataset, averaging,
        OptimizerKinds.isFullBatch(optimizer));
  }

  private static void checkParameterCount(FieldReader reader, TrainingSpec spec, long maxParameters) {
    if (spec.dataset() == null || spec.model().layers().isEmpty()) {
      return;
    }
    long count = parameterCount(spec);
    if (count > maxParameters) {
      reader.add("/model/layers", "the model has " + count + " parameters, more than the limit of " + maxParameters);
    }
  }
}
