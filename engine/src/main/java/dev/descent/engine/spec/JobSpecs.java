package dev.descent.engine.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.SpecException;
import java.util.List;

/**
 * Reads and writes any job spec, dispatching on the top-level {@code task}: absent or {@code "train"} is a
 * {@link TrainingSpec} ({@link SpecParser}), {@code "online"} an {@link OnlineJobSpec},
 * {@code "lr_range_test"} an {@link LrRangeTestSpec}. All violations are reported at
 * once with their JSON pointers; {@code parse(toJson(s))} equals {@code s}.
 */
public final class JobSpecs {
  public static final String TASK = "task";
  public static final String TRAIN = "train";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JobSpecs() {}

  /** The spec {@code json} describes, defaults filled; throws {@link SpecException} listing every violation. */
  public static JobSpec parse(String json, EngineLimits limits) {
    JsonNode tree = readTree(json);
    JsonNode task = tree == null || !tree.isObject() ? null : tree.get(TASK);
    if (task == null) {
      return SpecParser.parse(json, limits);
    }
    if (TRAIN.equals(task.asText(null))) {
      ObjectNode rest = ((ObjectNode) tree).deepCopy();
      rest.remove(TASK);
      return SpecParser.parse(rest.toString(), limits);
    }
    if (OnlineJobSpec.TASK.equals(task.asText(null))) {
      return new OnlineJobSpecReader(limits).read(tree);
    }
    if (LrRangeTestSpec.TASK.equals(task.asText(null))) {
      return new LrRangeTestSpecReader(limits).read((ObjectNode) tree);
    }
    throw new SpecException("/" + TASK, "must be \"" + TRAIN + "\", \"" + OnlineJobSpec.TASK + "\" or \""
        + LrRangeTestSpec.TASK + "\"");
  }

  /** The canonical JSON of a spec: every field present, in the documented order. */
  public static String toJson(JobSpec spec) {
    if (spec instanceof TrainingSpec training) {
      return SpecParser.toJson(training);
    }
    if (spec instanceof LrRangeTestSpec range) {
      return rangeTestJson(range);
    }
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a spec record always serializes", e);
    }
  }

  /** The training part without {@code epochs}, {@code schedule}, {@code averaging}; the task first, the test last. */
  private static String rangeTestJson(LrRangeTestSpec spec) {
    ObjectNode out = MAPPER.createObjectNode().put(TASK, LrRangeTestSpec.TASK);
    ObjectNode training = (ObjectNode) readTree(SpecParser.toJson(spec.training()));
    training.remove(List.of("epochs", "schedule", "averaging"));
    out.setAll(training);
    out.putObject(LrRangeTestSpec.FIELD).put("minLr", spec.minLr()).put("maxLr", spec.maxLr())
        .put("steps", spec.steps()).put("mode", spec.mode()).put("smoothing", spec.smoothing())
        .put("divergeFactor", spec.divergeFactor());
    return out.toString();
  }

  /**
   * A stored spec's JSON with the {@code checkpoint} of its object {@code field} ({@code init}, {@code curriculum})
   * replaced by the checkpoint id it resolved to ({@link WarmStartSpec#resolved}, {@link CurriculumSpec#resolved}).
   */
  public static String withCheckpoint(String json, String field, String checkpointId) {
    ObjectNode tree = (ObjectNode) readTree(json);
    ((ObjectNode) tree.get(field)).put("checkpoint", checkpointId);
    return tree.toString();
  }

  /** The tree, or null when {@code json} is malformed (then {@link SpecParser} reports it). */
  private static JsonNode readTree(String json) {
    try {
      return json == null ? null : MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
