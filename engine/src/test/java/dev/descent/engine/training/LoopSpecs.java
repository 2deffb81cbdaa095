package dev.descent.engine.training;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small job specs and checkpoint helpers for the loop's tests. */
final class LoopSpecs {
  private LoopSpecs() {}

  /** Iris (120 training samples), a 4-16-3 MLP, batch 16 (8 batches an epoch), with the given extra fields. */
  static TrainingSpec iris(String optimizer, int epochs, String extra) {
    return SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
        + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":16,\"activation\":\"tanh\"},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},"
        + "\"optimizer\":" + optimizer + ",\"epochs\":" + epochs + ",\"batchSize\":16" + extra + "}",
        EngineLimits.DEFAULTS);
  }

  /** The iris spec of {@link #iris} without optimizer, epochs and batch size (a phased spec sets them). */
  static TrainingSpec irisWithout(String extra) {
    return SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
        + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":16,\"activation\":\"tanh\"},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]}" + extra + "}",
        EngineLimits.DEFAULTS);
  }

  static INDArray parameters(Checkpoint checkpoint) {
    return NetworkSnapshots.read(checkpoint.content()).params();
  }

  /** The last checkpoint of {@code kind}. */
  static Checkpoint last(List<Checkpoint> checkpoints, String kind) {
    List<Checkpoint> all = ofKind(checkpoints, kind);
    return all.get(all.size() - 1);
  }

  static List<Checkpoint> ofKind(List<Checkpoint> checkpoints, String kind) {
    return checkpoints.stream().filter(c -> c.kind().equals(kind)).toList();
  }
}
