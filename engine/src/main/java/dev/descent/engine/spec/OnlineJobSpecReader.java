package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.online.OnlineSpecs;
import java.util.List;
import java.util.Set;

/**
 * Reads an online job's spec ({@code "task": "online"}) from its JSON tree, filling defaults and collecting every
 * violation with its pointer; the learner is checked by {@link OnlineSpecs#validate}.
 */
final class OnlineJobSpecReader {
  static final long DEFAULT_REPORT_EVERY = 100;
  static final long DEFAULT_EVERY_SAMPLES = 0;
  static final int MAX_SAMPLES = 10_000_000;
  private static final Set<String> FIELDS = Set.of("task", "name", "seed", "stream", "hashing", "learner",
      "reportEvery", "checkpoint", "priority", "maxAttempts");
  private static final List<String> SIZES = List.of("samples", "features", "nonzeros", "density");
  private static final Set<String> STREAM_FIELDS = Set.of("name", "samples", "features", "nonzeros", "density");
  private static final Set<String> STREAMS = Set.of(OnlineJobSpec.SYNTHETIC_SPARSE, OnlineJobSpec.BREAST_CANCER);
  private static final String STREAM = "/stream";

  private final FieldReader reader = new FieldReader();
  private final int maxFeatures;

  OnlineJobSpecReader(EngineLimits limits) {
    this.maxFeatures = (int) Math.min(limits.maxParameters(), Integer.MAX_VALUE - 8);
  }

  /** The spec {@code tree} describes; throws {@link SpecException} listing every violation. */
  OnlineJobSpec read(JsonNode tree) {
    ObjectNode root = reader.object(tree, "", FIELDS);
    if (root == null) {
      throw new SpecException(reader.violations());
    }
    OnlineJobSpec.Stream stream = stream(reader.field(root, "", "stream", true));
    JsonNode learner = reader.field(root, "", "learner", true);
    if (learner != null) {
      reader.violations().addAll(OnlineSpecs.validate(learner, "/learner"));
    }
    OnlineJobSpec spec = new OnlineJobSpec(
        reader.text(root, "", "name", stream == null ? "" : stream.name(), SpecParser.MAX_NAME_LENGTH),
        reader.integer(root, "", "seed", SpecParser.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
        stream,
        hashing(reader.field(root, "", "hashing", false)),
        learner,
        reader.integer(root, "", "reportEvery", DEFAULT_REPORT_EVERY, 1, MAX_SAMPLES),
        checkpoint(reader.field(root, "", "checkpoint", false)),
        (int) reader.integer(root, "", "priority", (long) SpecParser.DEFAULT_PRIORITY, Integer.MIN_VALUE,
            Integer.MAX_VALUE),
        (int) reader.integer(root, "", "maxAttempts", (long) SpecParser.DEFAULT_MAX_ATTEMPTS, 1,
            SpecParser.MAX_ATTEMPTS));
    if (!reader.violations().isEmpty()) {
      throw new SpecException(reader.violations());
    }
    return spec;
  }

  private OnlineJobSpec.Stream stream(JsonNode node) {
    ObjectNode o = node == null ? null : reader.object(node, STREAM, STREAM_FIELDS);
    if (o == null) {
      return null;
    }
    String name = reader.oneOf(o, STREAM, "name", null, STREAMS);
    if (!OnlineJobSpec.SYNTHETIC_SPARSE.equals(name)) {
      SIZES.stream().filter(o::has).forEach(f -> reader.add(STREAM + "/" + f, "only for " + STREAMS));
      return new OnlineJobSpec.Stream(name, null, null, null, null);
    }
    int features = (int) reader.integer(o, STREAM, "features", null, 1, maxFeatures);
    return new OnlineJobSpec.Stream(name,
        (int) reader.integer(o, STREAM, "samples", null, 1, MAX_SAMPLES),
        features,
        (int) reader.integer(o, STREAM, "nonzeros", null, 0, features),
        density(o));
  }

  private double density(ObjectNode stream) {
    double density = reader.number(stream, STREAM, "density", null, 0.0, 1.0);
    if (density == 0.0 && stream.path("density").isNumber()) {
      reader.add(STREAM + "/density", "must be > 0");
    }
    return density;
  }

  private OnlineJobSpec.Hashing hashing(JsonNode node) {
    ObjectNode o = node == null ? null : reader.object(node, "/hashing", Set.of("dimension"));
    if (o == null) {
      return null;
    }
    long dimension = reader.integer(o, "/hashing", "dimension", null, 1, maxFeatures);
    if (Long.bitCount(dimension) != 1) {
      reader.add("/hashing/dimension", "must be a power of two, got " + dimension);
    }
    return new OnlineJobSpec.Hashing((int) dimension);
  }

  private OnlineJobSpec.Checkpoint checkpoint(JsonNode node) {
    ObjectNode o = node == null ? null : reader.object(node, "/checkpoint", Set.of("everySamples", "keepLast"));
    if (o == null) {
      return new OnlineJobSpec.Checkpoint(DEFAULT_EVERY_SAMPLES, CheckpointPolicy.DEFAULT_KEEP_LAST);
    }
    return new OnlineJobSpec.Checkpoint(
        reader.integer(o, "/checkpoint", "everySamples", DEFAULT_EVERY_SAMPLES, 0, MAX_SAMPLES),
        (int) reader.integer(o, "/checkpoint", "keepLast", (long) CheckpointPolicy.DEFAULT_KEEP_LAST, 1,
            Integer.MAX_VALUE));
  }
}
