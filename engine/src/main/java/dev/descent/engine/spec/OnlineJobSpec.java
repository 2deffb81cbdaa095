package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.descent.engine.online.LearnerSpec;

/**
 * An online job's spec with every default filled in (see {@code docs/job-spec.md}, "Online jobs"): a stream seen
 * once, in order, optionally hashed to {@code hashing.dimension} coordinates, and a learner (read once by
 * {@code dev.descent.engine.online.OnlineSpecs} into a {@link LearnerSpec}, shown as written). Metrics are reported
 * every {@code reportEvery} samples; a periodic checkpoint is taken every {@code checkpoint.everySamples} samples (0:
 * only the final one). The learner makes one update per {@code batchSize} samples (1: one per sample). Built by
 * {@link JobSpecs#parse}.
 */
@JsonPropertyOrder({
  "task", "name", "seed", "stream", "hashing", "learner", "batchSize", "reportEvery", "checkpoint", "priority",
  "maxAttempts"
})
public record OnlineJobSpec(
    String name,
    long seed,
    Stream stream,
    @JsonInclude(JsonInclude.Include.ALWAYS) Hashing hashing,
    LearnerSpec learner,
    int batchSize,
    long reportEvery,
    Checkpoint checkpoint,
    int priority,
    int maxAttempts)
    implements JobSpec {
  public static final String TASK = "online";
  public static final String SYNTHETIC_SPARSE = "synthetic_sparse";
  public static final String BREAST_CANCER = "breast_cancer";
  public static final String FILE = "file";

  @JsonProperty("task")
  public String task() {
    return TASK;
  }

  @Override
  public int keepLast() {
    return checkpoint.keepLast();
  }

  /**
   * The stream: {@code synthetic_sparse} (all four sizes set, see {@code SyntheticSparseStream}), a shipped dataset
   * such as {@code breast_cancer} (sizes null: taken from the file), or {@code file}: a user's file ({@code file} set;
   * {@code features} optional for LibSVM, else null).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "samples", "features", "nonzeros", "density"})
  public record Stream(
      String name, Integer samples, Integer features, Integer nonzeros, Double density,
      @JsonUnwrapped StreamFile file) {

    public Stream(String name, Integer samples, Integer features, Integer nonzeros, Double density) {
      this(name, samples, features, nonzeros, density, null);
    }
  }

  /** Signed feature hashing onto {@code dimension} coordinates (a power of two). */
  public record Hashing(int dimension) {}

  /** A periodic checkpoint every {@code everySamples} samples (0: none), of which the last {@code keepLast} stay. */
  public record Checkpoint(long everySamples, int keepLast) {}
}
