package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.LearnerSpec;
import dev.descent.engine.online.OnlineSpecs;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import java.util.Set;

/**
 * Reads an online job's spec ({@code "task": "online"}) from its JSON tree, filling defaults and collecting every
 * violation with its pointer; the stream by {@link OnlineStreamReader} (a file stream's file by
 * {@link StreamFileCheck}), the learner by {@link OnlineSpecs#read}.
 */
final class OnlineJobSpecReader {
  static final long DEFAULT_REPORT_EVERY = 100;
  static final long DEFAULT_EVERY_SAMPLES = 0;
  static final int MAX_SAMPLES = OnlineStreamReader.MAX_SAMPLES;
  static final int DEFAULT_BATCH_SIZE = 1;
  static final int MAX_BATCH_SIZE = 1024;
  private static final Set<String> FIELDS = Set.of("task", "name", "seed", "stream", "hashing", "learner",
      "batchSize", "reportEvery", "checkpoint", "priority", "maxAttempts");

  private final FieldReader reader = new FieldReader();
  private final int maxFeatures;
  private final DataFolder data;

  OnlineJobSpecReader(EngineLimits limits) {
    this.data = limits.dataFolder();
    this.maxFeatures = (int) Math.min(limits.maxParameters(), Integer.MAX_VALUE - 8);
  }

  /** The spec {@code tree} describes; throws {@link SpecException} listing every violation. */
  OnlineJobSpec read(JsonNode tree) {
    ObjectNode root = reader.object(tree, "", FIELDS);
    if (root == null) {
      throw new SpecException(reader.violations());
    }
    OnlineJobSpec.Stream stream =
        new OnlineStreamReader(reader, maxFeatures).read(reader.field(root, "", "stream", true));
    JsonNode learnerNode = reader.field(root, "", "learner", true);
    LearnerSpec learner = learnerNode == null ? null : OnlineSpecs.read(learnerNode, "/learner", reader.violations());
    OnlineJobSpec spec = new OnlineJobSpec(
        reader.text(root, "", "name", stream == null ? "" : stream.name(), SpecParser.MAX_NAME_LENGTH),
        reader.integer(root, "", "seed", SpecParser.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE),
        stream,
        hashing(reader.field(root, "", "hashing", false)),
        learner,
        (int) reader.integer(root, "", "batchSize", (long) DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE),
        reader.integer(root, "", "reportEvery", DEFAULT_REPORT_EVERY, 1, MAX_SAMPLES),
        checkpoint(reader.field(root, "", "checkpoint", false)),
        (int) reader.integer(root, "", "priority", (long) SpecParser.DEFAULT_PRIORITY, Integer.MIN_VALUE,
            Integer.MAX_VALUE),
        (int) reader.integer(root, "", "maxAttempts", (long) SpecParser.DEFAULT_MAX_ATTEMPTS, 1,
            SpecParser.MAX_ATTEMPTS));
    checkFile(spec);
    if (!reader.violations().isEmpty()) {
      throw new SpecException(reader.violations());
    }
    return spec;
  }

  /** A file stream's file; its first rows are read only when the rest of the spec reads well. */
  private void checkFile(OnlineJobSpec spec) {
    if (spec.stream() == null || spec.stream().file() == null) {
      return;
    }
    if (spec.hashing() != null && spec.stream().features() != null) {
      reader.add("/stream/features", "not with hashing: the hashed dimension is the model's");
    }
    if (spec.stream().file().path() != null) {
      boolean readRows = reader.violations().isEmpty();
      StreamFileCheck.check(reader, data, spec.stream(), spec.hashing(), spec.seed(), maxFeatures, readRows);
    }
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
